package org.linli.platform;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a register spreadsheet (xlsx) row by row without loading it whole (SAX over the sheet's XML),
 * so a 20,000-row file reads in little memory. The first sheet is read; the header row is the first of
 * the first ten rows whose first cell is the first expected header (a register may carry a title and a
 * scope row above it); the headers must then be exactly the expected ones, in order. Merged cells are
 * refused (a merged block's value would stand in only its first cell). Refusals are LinliExceptions
 * with stable codes: IMPORT_NOT_XLSX, IMPORT_HEADER, IMPORT_MERGED_CELLS, IMPORT_EMPTY.
 */
public final class RegisterReader {

    /** One data row: its number as the spreadsheet shows it (1-based) and its values by header. */
    public record Row(int number, Map<String, String> values) {

        public String get(String header) {
            String v = values.get(header);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    public interface RowHandler {
        void row(Row row);
    }

    private RegisterReader() {
    }

    /** Reads every data row of the file to the handler; returns how many there were. */
    public static int read(File file, List<String> headers, RowHandler handler) {
        try (OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw LinliException.badRequest("IMPORT_EMPTY");
            }
            List<org.apache.poi.ss.util.CellRangeAddress> merged;
            try (InputStream first = sheets.next()) {
                merged = mergedCells(first);
            }
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Collector collector = new Collector(headers, handler, merged);
            try (InputStream sheet = reader.getSheetsData().next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, collector, new DataFormatter(),
                        false));
                parser.parse(new InputSource(sheet));
            }
            if (!collector.headerFound) {
                throw LinliException.badRequest("IMPORT_HEADER", String.join("、", headers), collector.firstRowSeen);
            }
            return collector.rows;
        } catch (HeaderMismatch mismatch) {
            throw LinliException.badRequest("IMPORT_HEADER", String.join("、", headers), mismatch.getMessage());
        } catch (LinliException refusal) {
            throw refusal;
        } catch (IOException | OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException
                | RuntimeException notXlsx) {
            // not a zip, not an Office file, an old .xls, a truncated or strict-OOXML file, XML that is not a sheet
            throw LinliException.badRequest("IMPORT_NOT_XLSX");
        }
    }

    /** A streaming read of the sheet's {@code <mergeCell ref="A1:N1"/>} elements. */
    private static List<org.apache.poi.ss.util.CellRangeAddress> mergedCells(InputStream sheet) {
        List<org.apache.poi.ss.util.CellRangeAddress> merged = new ArrayList<>();
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader xml = factory.createXMLStreamReader(sheet);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "mergeCell".equals(xml.getLocalName())) {
                    String ref = xml.getAttributeValue(null, "ref");
                    merged.add(org.apache.poi.ss.util.CellRangeAddress.valueOf(ref == null ? "A1" : ref));
                }
            }
            return merged;
        } catch (XMLStreamException e) {
            throw LinliException.badRequest("IMPORT_NOT_XLSX");
        }
    }

    private static final class HeaderMismatch extends RuntimeException {
        HeaderMismatch(String found) {
            super(found, null, false, false);
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final List<String> headers;
        private final RowHandler handler;
        private final Map<Integer, String> cells = new LinkedHashMap<>();
        private boolean headerFound;
        private int rows;
        private int rowIndex;
        private String firstRowSeen = "";

        private final List<org.apache.poi.ss.util.CellRangeAddress> merged;

        Collector(List<String> headers, RowHandler handler, List<org.apache.poi.ss.util.CellRangeAddress> merged) {
            this.headers = headers;
            this.handler = handler;
            this.merged = merged;
        }

        @Override
        public void startRow(int rowNum) {
            rowIndex = rowNum;
            cells.clear();
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int column = ref == null ? cells.size() : new CellReference(ref).getCol();
            cells.put(column, value);
        }

        @Override
        public void endRow(int rowNum) {
            if (!headerFound) {
                String first = cells.getOrDefault(0, "").strip();
                if (rowNum == 0 || firstRowSeen.isEmpty()) {
                    firstRowSeen = String.join("、", cells.values());
                }
                if (first.equals(headers.get(0))) {
                    List<String> found = new ArrayList<>();
                    for (int i = 0; i < headers.size(); i++) {
                        found.add(cells.getOrDefault(i, "").strip());
                    }
                    if (!found.equals(headers)) {
                        throw new HeaderMismatch(String.join("、", found));
                    }
                    // a merged title above the header is fine; merged cells in the header or the data are not
                    if (merged.stream().anyMatch(m -> m.getLastRow() >= rowNum)) {
                        throw LinliException.badRequest("IMPORT_MERGED_CELLS");
                    }
                    headerFound = true;
                } else if (rowNum >= 9) {
                    throw new HeaderMismatch(firstRowSeen);
                }
                return;
            }
            if (cells.values().stream().allMatch(v -> v == null || v.isBlank())) {
                return;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                values.put(headers.get(i), cells.get(i));
            }
            rows++;
            handler.row(new Row(rowIndex + 1, values));
        }
    }
}

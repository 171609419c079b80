package org.linli.registers;

import java.util.List;
import java.util.Set;
import org.linli.platform.RegisterReader;
import org.linli.platform.Role;

/**
 * One kind of register an import understands, described by the module that owns its records. The
 * import checks every row with a fresh {@link RowCheck} (which may remember earlier rows, to find one
 * resident twice), and writes the rows of a clean file one by one inside a single transaction: a row
 * refused at write time (a {@link org.linli.platform.LinliException}) rolls the whole file back.
 */
public interface RegisterKind {

    /** Stored with each import: HOME_CARE, VOLUNTEERS, MERCHANTS. */
    String kind();

    /** The path segment of its pages and API: home-care, volunteers, merchants. */
    String slug();

    /** The register's title (Chinese), for the template and the import page. */
    String title();

    /** What the template's second row tells staff beside the center's name: how to fill the columns. */
    String hint();

    /** The column headers, exactly and in order. */
    List<String> headers();

    /** Who may import it at a center. */
    Set<Role> roles();

    /** The staff page to go back to from an import. */
    String backPath(String centerCode);

    /** A checker for one file, for one center. */
    RowCheck checker(String centerCode);

    /** Writes one row that its checker found clean; refuses with a LinliException otherwise. */
    void write(String centerCode, long staff, RegisterReader.Row row);

    /** Checks rows of one file in order. */
    interface RowCheck {

        /** What is wrong with the row, each named by its column header; empty when it can be imported. */
        List<Problem> problems(RegisterReader.Row row);
    }

    /** One thing wrong with a row: the column and a stable error code (an {@code error.CODE} message). */
    record Problem(String column, String code) {
    }
}

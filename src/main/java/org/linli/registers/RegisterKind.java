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

    /**
     * What the register is.
     *
     * @param kind    stored with each import: HOME_CARE, VOLUNTEERS, MERCHANTS
     * @param slug    the path segment of its pages and API: home-care, volunteers, merchants
     * @param title   the register's title (Chinese), for the template and the import page
     * @param hint    what the template's second row tells staff beside the center's name
     * @param headers the column headers, exactly and in order
     * @param roles   who may import it at a center
     * @param page    the staff page the import is started from, under /staff/centers/{code}/
     */
    record Description(String kind, String slug, String title, String hint, List<String> headers, Set<Role> roles,
            String page) {

        /** The staff page to go back to from an import. */
        public String backPath(String centerCode) {
            return "/staff/centers/" + centerCode + "/" + page;
        }
    }

    Description description();

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

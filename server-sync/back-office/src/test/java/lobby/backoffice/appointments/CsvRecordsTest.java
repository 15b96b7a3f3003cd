package lobby.backoffice.appointments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {
    private static CsvRecords.Row row(int line, String... fields) {
        return new CsvRecords.Row(line, List.of(fields), null);
    }

    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() {
        String text = "a,\"张,伟\",\"say \"\"hi\"\"\"\r\n"
                + "b,\"two\r\nlines\",c\n"
                + "d,,\"\"\n";
        assertEquals(List.of(row(1, "a", "张,伟", "say \"hi\""), row(2, "b", "two\r\nlines", "c"), row(4, "d", "", "")),
                CsvRecords.parse(text), "a record with a line break in a field takes two lines of the file");
    }

    @Test
    void blankLinesAndLinesOfCommasAreBlankAndALastLineNeedsNoLineBreak() {
        List<CsvRecords.Row> rows = CsvRecords.parse("a,b\n\n,,\n c , d ");
        assertEquals(List.of(row(1, "a", "b"), row(2, ""), row(3, "", "", ""), row(4, " c ", " d ")), rows);
        assertEquals(List.of(false, true, true, false), rows.stream().map(CsvRecords.Row::blank).toList());
        assertEquals(List.of(), CsvRecords.parse(""));
    }

    @Test
    void spacesBeforeAnOpeningQuoteAreDroppedAndAQuoteInsideAFieldIsText() {
        assertEquals(List.of(row(1, "x", "y,z", "5\"")), CsvRecords.parse("x,  \"y,z\",5\""));
    }

    @Test
    void textAfterAClosingQuoteIsAProblemOfThatRecordOnly() {
        List<CsvRecords.Row> rows = CsvRecords.parse("a,\"b\"c,d\ne,f,g\n");
        assertEquals(1, rows.get(0).line());
        assertTrue(rows.get(0).problem().contains("field 2"), rows.get(0).problem());
        assertEquals(row(2, "e", "f", "g"), rows.get(1));
    }

    @Test
    void aQuoteNeverClosedIsAProblemOfTheRecordItOpens() {
        List<CsvRecords.Row> rows = CsvRecords.parse("a,b\nc,\"d\ne,f\n");
        assertEquals(2, rows.size());
        assertNull(rows.get(0).problem());
        assertEquals(2, rows.get(1).line());
        assertTrue(rows.get(1).problem().contains("never closed"), rows.get(1).problem());
    }
}

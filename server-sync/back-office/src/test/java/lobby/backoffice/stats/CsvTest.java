package lobby.backoffice.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void cellsAreQuotedAsRfc4180SaysAndFormulasAreDefused() {
        assertEquals("", Csv.cell(null));
        assertEquals("陈志强", Csv.cell("陈志强"));
        assertEquals("\"Chen, Zhiqiang\"", Csv.cell("Chen, Zhiqiang"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.cell("=HYPERLINK(\"x\")"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("-1", Csv.cell(-1), "numbers are numbers");
        assertEquals("0.75", Csv.cell(0.75));
    }
}

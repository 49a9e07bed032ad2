package dev.vireo.check;

import java.util.Locale;

/**
 * The outcome of one test case.
 *
 * @param name the case as the caller names it, e.g. {@code node/test_relu}
 * @param detail one line: the worst mismatch of a failure, the reason of an error, empty on a pass
 */
public record CaseResult(String name, Status status, String detail) {
  /** Pass: every output matched; fail: an output differed; error: the case could not run. */
  public enum Status {
    PASS, FAIL, ERROR;

    /** Lower-case name, as printed and written to CSV files. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public CaseResult {
    detail = detail == null ? "" : oneLine(detail);
  }

  public static CaseResult pass(String name) {
    return new CaseResult(name, Status.PASS, "");
  }

  public static CaseResult fail(String name, String detail) {
    return new CaseResult(name, Status.FAIL, detail);
  }

  public static CaseResult error(String name, String detail) {
    return new CaseResult(name, Status.ERROR, detail);
  }

  public boolean passed() {
    return status == Status.PASS;
  }

  /** E.g. {@code pass node/test_relu} or {@code fail node/test_add: output 'sum' ...}. */
  public String line() {
    return status.label() + " " + name + (detail.isEmpty() ? "" : ": " + detail);
  }

  /** A CSV row {@code case,status,detail}, each field quoted when it needs to be. */
  public String csvRow() {
    return csv(name) + "," + status.label() + "," + csv(detail);
  }

  /** Quotes a CSV field (RFC 4180) when it holds a comma, quote or line break. */
  public static String csv(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  static String oneLine(String s) {
    return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').strip();
  }
}

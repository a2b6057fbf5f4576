package io.egress.fuzz;

/** What one input did: parsed, refused with the documented exception, or crashed; and what it allocated. */
public record Outcome(Kind kind, Throwable failure, long allocatedBytes) {
    public enum Kind { PARSED, REFUSED, CRASH, MEMORY }

    /** Exception class and the first project frame: crashes with one signature are one bug. */
    public String signature() {
        if (failure == null) {
            return kind.name();
        }
        String where = "?";
        for (StackTraceElement e : failure.getStackTrace()) {
            if (e.getClassName().startsWith("io.egress.") && !e.getClassName().startsWith("io.egress.fuzz.")) {
                where = e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber();
                break;
            }
        }
        return failure.getClass().getName() + " at " + where;
    }
}

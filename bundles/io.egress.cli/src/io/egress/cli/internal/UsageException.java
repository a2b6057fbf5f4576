package io.egress.cli.internal;

/** Thrown by a command when its arguments are wrong; the command line turns it into exit code 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}

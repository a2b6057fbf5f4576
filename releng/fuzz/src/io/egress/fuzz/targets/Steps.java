package io.egress.fuzz.targets;

/**
 * Runs several parser calls on one input: a documented refusal of one call does not skip the
 * next, anything else propagates at once; the first refusal is rethrown at the end when every
 * call refused (the input counts as refused only when no call accepted it).
 */
final class Steps {
    interface Step {
        void run() throws Exception;
    }

    private final Class<? extends Exception> documented;
    private Exception refusal;
    private boolean accepted;

    Steps(Class<? extends Exception> documented) {
        this.documented = documented;
    }

    Steps then(Step step) throws Exception {
        try {
            step.run();
            accepted = true;
        } catch (Exception e) {
            if (!documented.isInstance(e)) {
                throw e;
            }
            if (refusal == null) {
                refusal = e;
            }
        }
        return this;
    }

    void end() throws Exception {
        if (refusal != null && !accepted) {
            throw refusal;
        }
    }
}

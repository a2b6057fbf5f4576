package io.egress.enrich.geo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures what a class logs through System.Logger (which goes to java.util.logging by default). */
final class LogRecorder extends Handler implements AutoCloseable {
    private final Logger logger;
    final List<LogRecord> records = new CopyOnWriteArrayList<>();

    LogRecorder(Class<?> source) {
        logger = Logger.getLogger(source.getName());
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
        // records are kept in memory
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}

package io.egress.fuzz.targets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.egress.core.progress.Progress;
import io.egress.fuzz.FuzzTarget;
import io.egress.fuzz.Mutator;
import io.egress.fuzz.SharedFiles;
import io.egress.fuzz.TempInput;
import io.egress.workspace.CaptureRef;
import io.egress.workspace.WorkspaceContent;
import io.egress.workspace.WorkspaceException;
import io.egress.workspace.WorkspaceStore;
import io.egress.workspace.internal.store.SaveChild;

/**
 * Workspace opening: WorkspaceStore.info and open on a damaged workspace file (SQLite). Seeds are
 * workspaces the project writes itself (synthetic flows, one with an embedded shared capture).
 * Documents {@link WorkspaceException}; one wrapping a RuntimeException (a reader bug that the
 * catch-all turned into CORRUPT) counts as a crash.
 */
public final class WorkspaceTarget implements FuzzTarget {
    private final WorkspaceStore store = new WorkspaceStore();

    @Override
    public String name() {
        return "workspace";
    }

    @Override
    public List<byte[]> seeds() throws Exception {
        Path dir = Files.createTempDirectory("egress-fuzz-workspace-");
        try {
            List<byte[]> seeds = new ArrayList<>();
            seeds.add(save(dir.resolve("empty.egress"), WorkspaceContent.empty()));
            seeds.add(save(dir.resolve("three.egress"), SaveChild.content(1, 3)));
            seeds.add(save(dir.resolve("forty.egress"), SaveChild.content(2, 40)));
            List<Path> captures = SharedFiles.files(SharedFiles.shared("captures"), ".pcap");
            Path smallest = captures.stream().min(Comparator.comparingLong(WorkspaceTarget::size)).orElseThrow();
            WorkspaceContent.Builder embedded = SaveChild.content(3, 5).toBuilder();
            embedded.capture(CaptureRef.of(smallest, true));
            seeds.add(save(dir.resolve("embedded.egress"), embedded.build()));
            return seeds;
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private byte[] save(Path file, WorkspaceContent content) throws Exception {
        store.save(file, content, Progress.NONE);
        return Files.readAllBytes(file);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void run(byte[] input) throws Exception {
        Path file = TempInput.write("input.egress", input);
        for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
        try {
            store.info(file).toString();
        } catch (WorkspaceException e) {
            // open() verifies again; run it too so that both paths see every input
        }
        var opened = store.open(file, Progress.NONE);
        opened.content().flows().size();
        for (int i = 0; i < opened.content().captures().size(); i++) {
            store.extractCapture(file, i, java.io.OutputStream.nullOutputStream());
        }
    }

    @Override
    public boolean isDocumented(Throwable failure) {
        return failure instanceof WorkspaceException && !(failure.getCause() instanceof RuntimeException
                && !(failure.getCause() instanceof java.util.concurrent.CancellationException));
    }

    @Override
    public Mutator mutator(Random random, List<byte[]> seeds) {
        return new SqliteMutator(random, seeds);
    }

    /** Favours the 100-byte database header and the b-tree page headers (page type, cell count, cell pointers). */
    static final class SqliteMutator extends Mutator {
        SqliteMutator(Random random, List<byte[]> seeds) {
            super(random, seeds);
        }

        @Override
        protected int position(byte[] in) {
            if (in.length > 100 && random.nextInt(3) == 0) {
                return random.nextInt(100);
            }
            int pageSize = in.length >= 18 ? ((in[16] & 0xff) << 8 | (in[17] & 0xff)) : 0;
            if (pageSize == 1) {
                pageSize = 65536;
            }
            if (pageSize >= 512 && in.length > pageSize && random.nextBoolean()) {
                int page = random.nextInt(in.length / pageSize);
                int header = page * pageSize + (page == 0 ? 100 : 0);
                return Math.min(in.length - 1, header + random.nextInt(24));
            }
            return super.position(in);
        }
    }
}

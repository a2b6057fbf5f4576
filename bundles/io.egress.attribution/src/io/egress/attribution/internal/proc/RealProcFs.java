package io.egress.attribution.internal.proc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link ProcFs} on a real directory tree through NIO. */
public final class RealProcFs implements ProcFs {
    private final Path root;

    public RealProcFs(Path root) {
        this.root = root;
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public List<String> list(String dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root.resolve(dir))) {
            for (Path p : entries) {
                names.add(p.getFileName().toString());
            }
        }
        return names;
    }

    @Override
    public String readLink(String link) throws IOException {
        return Files.readSymbolicLink(root.resolve(link)).toString();
    }

    @Override
    public byte[] read(String file) throws IOException {
        return Files.readAllBytes(root.resolve(file));
    }

    @Override
    public FileId fileId(String path) throws IOException {
        return fileIdOutside(root.resolve(path));
    }

    @Override
    public FileId fileIdOutside(Path absolute) throws IOException {
        Map<String, Object> a = Files.readAttributes(absolute, "unix:dev,ino,nlink");
        return new FileId((Long) a.get("dev"), (Long) a.get("ino"), (Integer) a.get("nlink"));
    }
}

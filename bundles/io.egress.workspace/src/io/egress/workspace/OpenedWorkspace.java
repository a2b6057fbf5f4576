package io.egress.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link WorkspaceStore#open}: the content and what could not be found.
 *
 * @param file            the workspace file
 * @param schemaVersion   the schema version the file was written with (older files are migrated
 *                        in memory; the file itself is rewritten only by the next save)
 * @param content         the content; its {@link WorkspaceContent#origin()} is {@code file}
 * @param captureProblems captures whose file is missing or changed
 */
public record OpenedWorkspace(Path file, int schemaVersion, WorkspaceContent content, List<CaptureProblem> captureProblems) {
    public OpenedWorkspace {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(content, "content");
        captureProblems = List.copyOf(captureProblems);
    }
}

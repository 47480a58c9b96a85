package org.vavl.knime.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnwfExportTest {

    @TempDir
    Path dir;

    @Test
    void zipsEachWorkflowFolderInTheExportWizardsShapeWithoutItsData() throws Exception {
        final Path wf = dir.resolve("src/Demo — train and evaluate");
        Files.createDirectories(wf.resolve("Video Reader (#2)"));
        Files.createDirectories(wf.resolve("vavl-data/audio"));
        Files.writeString(wf.resolve("workflow.knime"), "<config/>");
        Files.writeString(wf.resolve("Video Reader (#2)/settings.xml"), "<config/>");
        Files.writeString(wf.resolve("vavl-data/audio/c1.wav"), "data");
        Files.writeString(wf.resolve(".savedWithData"), "");
        Files.createDirectories(dir.resolve("src/not a workflow"));
        final List<Path> written = KnwfExport.export(dir.resolve("src"), dir.resolve("out"));
        assertEquals(List.of(dir.resolve("out/Demo — train and evaluate.knwf")), written);
        final List<String> entries = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(written.get(0)))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null;) {
                entries.add(e.getName());
            }
        }
        assertEquals(List.of("Demo — train and evaluate/Video Reader (#2)/settings.xml",
            "Demo — train and evaluate/workflow.knime"), entries);
    }
}

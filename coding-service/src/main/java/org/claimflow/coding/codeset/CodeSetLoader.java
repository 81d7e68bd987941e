package org.claimflow.coding.codeset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.GZIPInputStream;

import org.claimflow.coding.domain.edits.CodeSet;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Loads the configured code-set files into PostgreSQL with {@code COPY … FROM STDIN}, one transaction per
 * version, skipping versions already loaded. Runs in the background at start-up so the HTTP port opens at
 * once; readiness ({@code CodeSetsHealthCheck}) stays DOWN until every version is in.
 */
@ApplicationScoped
public class CodeSetLoader {

    private static final Logger LOG = Logger.getLogger(CodeSetLoader.class);
    private static final int FLUSH_CHARS = 1 << 16;

    private final AgroalDataSource dataSource;
    private final CodeSetConfig config;
    private final CodeSetCatalog catalog;
    private final CodeSetRepository repository;
    private final Clock clock;

    public CodeSetLoader(AgroalDataSource dataSource, CodeSetConfig config, CodeSetCatalog catalog, Clock clock,
                         CodeSetRepository repository) {
        this.repository = repository;
        this.dataSource = dataSource;
        this.config = config;
        this.catalog = catalog;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        startThread("codeset-loader", this::loadConfigured);
    }

    private static void startThread(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static boolean isLarge(CodeSetConfig.Source source) {
        return CodeSet.NCCI_PTP.id().equals(source.name());
    }

    private void loadAll(List<CodeSetConfig.Source> sources) {
        for (CodeSetConfig.Source source : sources) {
            try {
                load(source);
            } catch (SQLException | IOException e) {
                throw new CompletionException(e);
            }
        }
    }

    void loadConfigured() {
        long t0 = System.nanoTime();
        try {
            if (config.loadAtStart()) {
                List<CodeSetConfig.Source> sources = config.sources().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
                // The PTP versions (millions of rows) load on a second connection while the small sets load
                // here: the two COPY streams keep both cores busy.
                CompletableFuture<Void> large = CompletableFuture.runAsync(() -> loadAll(sources.stream()
                        .filter(CodeSetLoader::isLarge).toList()), runnable -> startThread("codeset-loader-ptp", runnable));
                loadAll(sources.stream().filter(s -> !isLarge(s)).toList());
                large.join();
            }
            catalog.refresh();
            long w0 = System.nanoTime();
            repository.warm(catalog.versions());
            LOG.infof("small code sets read into memory in %.1f s", (System.nanoTime() - w0) / 1e9);
            catalog.markReady();
            LOG.infof("code sets ready in %.1f s: %s", (System.nanoTime() - t0) / 1e9,
                    catalog.versions().stream().map(v -> v.tag()).sorted(Comparator.naturalOrder()).toList());
        } catch (Exception e) {
            LOG.errorf(e, "code-set load failed");
            catalog.markFailed("code-set load failed: " + e.getClass().getSimpleName());
        }
    }

    /** Loads one version unless it is there already; returns the rows loaded (0 when skipped). */
    public long load(CodeSetConfig.Source source) throws SQLException, IOException {
        CodeSet set = CodeSet.byId(source.name());
        CodeSetFormat format = CodeSetFormat.of(set);
        String tag = set.id() + ":" + source.version();
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // Two instances starting together: one loads, the other waits here and then skips.
                try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, tag);
                    lock.execute();
                }
                if (loaded(c, set, source.version())) {
                    c.rollback();
                    return 0;
                }
                // Building the index once after COPY is several times faster than maintaining it row by row
                // (2.5 M PTP rows); the table is locked for the load, which runs before readiness anyway. Index and
                // ANALYZE are the owner's business: the service's role calls the owner's functions of V7 for them.
                try (var st = c.createStatement()) {
                    st.execute("set local maintenance_work_mem = '128MB'");
                }
                lookupIndex(c, "codeset_drop_lookup_index", format.table());
                long rows = copy(c, format, tag, source.file());
                try (PreparedStatement ps = c.prepareStatement("insert into codeset_version "
                        + "(name, version, effective_from, effective_to, loaded_at, row_count, source) values (?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, set.id());
                    ps.setString(2, source.version());
                    ps.setObject(3, source.effectiveFrom());
                    ps.setObject(4, source.effectiveTo().orElse(null));
                    ps.setTimestamp(5, Timestamp.from(clock.instant()));
                    ps.setLong(6, rows);
                    ps.setString(7, source.file());
                    ps.executeUpdate();
                }
                lookupIndex(c, "codeset_build_lookup_index", format.table());
                c.commit();
                LOG.infof("loaded %s: %d rows in %.1f s", tag, rows, (System.nanoTime() - t0) / 1e9);
                return rows;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void lookupIndex(Connection c, String function, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + function + "(?)")) {
            ps.setString(1, table);
            ps.execute();
        }
    }

    private static boolean loaded(Connection c, CodeSet set, String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from codeset_version where name = ? and version = ?")) {
            ps.setString(1, set.id());
            ps.setString(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long copy(Connection c, CodeSetFormat format, String tag, String file) throws SQLException, IOException {
        String sql = "copy " + format.table() + " (codeset_version, " + String.join(", ", format.columns()) + ") from stdin";
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8), 1 << 16)) {
            String[] header = in.readLine().split("\t", -1);
            CodeSetFormat.Fields fields = new CodeSetFormat.Fields(header);
            StringBuilder out = new StringBuilder(FLUSH_CHARS + 4096);
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                fields.next(line.split("\t", -1));
                out.append(tag);
                for (String value : format.row().apply(fields)) {
                    out.append('\t');
                    appendCopyText(out, value);
                }
                out.append('\n');
                if (out.length() >= FLUSH_CHARS) {
                    flush(copy, out);
                }
            }
            flush(copy, out);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void flush(CopyIn copy, StringBuilder out) throws SQLException {
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        out.setLength(0);
    }

    /** COPY text format: NULL is \N; backslash, tab and line breaks are escaped. */
    private static void appendCopyText(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }

    private static InputStream open(String file) throws IOException {
        InputStream raw;
        if (file.startsWith("classpath:")) {
            String resource = file.substring("classpath:".length());
            raw = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
            if (raw == null) {
                raw = CodeSetLoader.class.getClassLoader().getResourceAsStream(resource);
            }
            if (raw == null) {
                throw new IOException("code-set resource not found: " + resource);
            }
        } else {
            raw = Files.newInputStream(Path.of(file));
        }
        return file.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    }
}

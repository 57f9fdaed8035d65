package io.shuno.files;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The file routes' idempotent repository, in PostgreSQL so that it outlives a restart: which files (content hash
 * and name) were taken. The routes add a file only when it completed — all rows acknowledged — and never for a
 * refused file, so a refused file dropped again is checked again.
 */
@Component("takenFiles")
public class TakenFiles extends ServiceSupport implements IdempotentRepository {

    private final JdbcTemplate jdbc;

    TakenFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(String key) {
        return jdbc.update("insert into taken_files (file_key) values (?) on conflict do nothing", key) == 1;
    }

    @Override
    public boolean contains(String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from taken_files where file_key = ?)",
                Boolean.class, key));
    }

    @Override
    public boolean remove(String key) {
        return jdbc.update("delete from taken_files where file_key = ?", key) == 1;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    /** Forgetting every file taken would republish them all: not something a route may ask for. */
    @Override
    public void clear() {
        throw new UnsupportedOperationException("the files taken are kept");
    }
}

package dev.kakehashi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kakehashi.testing.Sql;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The length an entity declares for a text column is the length the migrations gave it: the browser and the
 * API check against the entity's constant, so a column of another size would turn a valid input into a
 * database error (or silently into a shorter limit).
 */
class ColumnLengthsIT {

    @Test
    void everyDeclaredLengthIsTheColumnsLength() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        Path classes = Path.of(System.getProperty("kakehashi.basedir", ".")).resolve("target/classes");
        for (Class<?> entity : entities(classes)) {
            String table = entity.getAnnotation(Table.class).name();
            for (Field field : entity.getDeclaredFields()) {
                Column column = field.getAnnotation(Column.class);
                if (column == null || column.length() == 255 || !column.columnDefinition().isEmpty()) {
                    continue;
                }
                CollectionTable collection = field.getAnnotation(CollectionTable.class);
                String tableName = collection != null ? collection.name() : table;
                String columnName = column.name().isEmpty() ? field.getName().toLowerCase(Locale.ROOT) : column.name();
                List<java.util.Map<String, Object>> rows = Sql.rows("select character_maximum_length as length from information_schema.columns "
                        + "where table_schema = database() and table_name = ? and column_name = ?", tableName, columnName);
                if (rows.isEmpty()) {
                    mismatches.add(entity.getSimpleName() + "." + field.getName() + ": no column " + tableName + "." + columnName);
                } else if (((Number) rows.get(0).get("length")).intValue() != column.length()) {
                    mismatches.add(entity.getSimpleName() + "." + field.getName() + " declares " + column.length() + ", " + tableName + "."
                            + columnName + " holds " + rows.get(0).get("length"));
                }
                checked++;
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(checked).as("columns checked").isGreaterThan(10);
    }

    private static List<Class<?>> entities(Path classes) throws IOException, ClassNotFoundException {
        List<Class<?>> entities = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ColumnLengthsIT.class.getClassLoader());
                if (type.isAnnotationPresent(Entity.class) && type.isAnnotationPresent(Table.class)) {
                    entities.add(type);
                }
            }
        }
        return entities;
    }
}

package org.mnistspark.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * How both transformers shape their output: every input column kept, new columns appended, and one error
 * column, appended, or kept where an earlier stage wrote one, its reason first. The values are computed
 * under internal names, then given the names and metadata of the output schema.
 */
final class Rows {
    private Rows() {}

    /** {@code row}'s values followed by {@code values}. */
    static Row appended(Row row, Object... values) {
        Object[] all = new Object[row.length() + values.length];
        for (int i = 0; i < row.length(); i++) {
            all[i] = row.get(i);
        }
        System.arraycopy(values, 0, all, row.length(), values.length);
        return RowFactory.create(all);
    }

    /** {@code schema} with a new column, refused if one of that name exists; an empty name adds nothing, as in Spark's models. */
    static StructType withColumn(StructType schema, String name, DataType type) {
        if (name.isEmpty()) {
            return schema;
        }
        if (has(schema, name)) {
            throw new IllegalArgumentException("Column " + name + " already exists.");
        }
        return schema.add(name, type, true);
    }

    /** {@code schema} with the error column: appended, or an earlier stage's string column of that name. */
    static StructType withError(StructType schema, String name) {
        if (!has(schema, name)) {
            return schema.add(name, DataTypes.StringType, true);
        }
        DataType type = schema.apply(name).dataType();
        if (!type.equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("Column " + name + " must be a string to hold the reasons, not " + type.catalogString());
        }
        return schema;
    }

    /** {@code schema} with the field of {@code field}'s name replaced by it. */
    static StructType replaced(StructType schema, StructField field) {
        return new StructType(Arrays.stream(schema.fields()).map(f -> f.name().equals(field.name()) ? field : f)
                .toArray(StructField[]::new));
    }

    /**
     * The columns of {@code output} from {@code computed}: {@code added} maps an output column to the internal
     * column holding it, {@code ownError} holds this stage's reasons, and the rest are the input's own.
     */
    static Dataset<Row> select(Dataset<Row> computed, StructType input, StructType output, Map<String, String> added,
            String errorCol, String ownError) {
        List<Column> columns = new ArrayList<>();
        for (StructField field : output.fields()) {
            String name = field.name();
            Column column = added.containsKey(name) ? column(added.get(name))
                    : !name.equals(errorCol) ? column(name)
                    : has(input, errorCol) ? functions.coalesce(column(errorCol), column(ownError))
                    : column(ownError);
            columns.add(column.as(name, field.metadata()));
        }
        return computed.select(columns.toArray(Column[]::new));
    }

    private static boolean has(StructType schema, String name) {
        return Arrays.asList(schema.fieldNames()).contains(name);
    }

    /** A column by its exact name, dots and all. */
    static Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }
}

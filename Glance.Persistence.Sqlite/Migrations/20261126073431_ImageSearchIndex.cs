using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glance.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImageSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Free-text search over name, description and property values: an FTS5 index with the
            // trigram tokenizer (case-insensitive substrings), one row per live image, keyed by the
            // images table's rowid and kept in step by triggers on every write path.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE image_search USING fts5(name, properties, tokenize = 'trigram');");
            migrationBuilder.Sql("""
                CREATE TRIGGER image_search_insert AFTER INSERT ON images WHEN new.Deleted = 0 BEGIN
                  INSERT INTO image_search (rowid, name, properties) VALUES (new.rowid, coalesce(new.Name, ''), '');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER image_search_update AFTER UPDATE OF Name, Deleted ON images BEGIN
                  DELETE FROM image_search WHERE rowid = old.rowid;
                  INSERT INTO image_search (rowid, name, properties)
                    SELECT new.rowid, coalesce(new.Name, ''),
                           coalesce((SELECT group_concat(Value, ' ') FROM image_properties WHERE ImageId = new.Id), '')
                    WHERE new.Deleted = 0;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER image_search_delete AFTER DELETE ON images BEGIN
                  DELETE FROM image_search WHERE rowid = old.rowid;
                END;
                """);
            foreach (var (name, row) in new[] { ("insert", "new"), ("update", "new"), ("delete", "old") })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER image_search_property_{name} AFTER {name.ToUpperInvariant()} ON image_properties BEGIN
                      UPDATE image_search
                        SET properties = coalesce((SELECT group_concat(Value, ' ') FROM image_properties WHERE ImageId = {row}.ImageId), '')
                        WHERE rowid = (SELECT rowid FROM images WHERE Id = {row}.ImageId);
                    END;
                    """);
            }
            migrationBuilder.Sql("""
                INSERT INTO image_search (rowid, name, properties)
                  SELECT i.rowid, coalesce(i.Name, ''),
                         coalesce((SELECT group_concat(p.Value, ' ') FROM image_properties p WHERE p.ImageId = i.Id), '')
                  FROM images i WHERE i.Deleted = 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "image_search_insert", "image_search_update", "image_search_delete", "image_search_property_insert", "image_search_property_update", "image_search_property_delete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }
            migrationBuilder.Sql("DROP TABLE IF EXISTS image_search;");
        }
    }
}

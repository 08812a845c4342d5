using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glance.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AudienceSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OsDistro",
                table: "images",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            // The portal's os_distro facet reads the image's own row: a copy of the property, kept by
            // triggers on every write of image_properties.
            migrationBuilder.Sql("""
                CREATE TRIGGER image_os_distro_insert AFTER INSERT ON image_properties WHEN new.Name = 'os_distro' BEGIN
                  UPDATE images SET OsDistro = new.Value WHERE Id = new.ImageId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER image_os_distro_update AFTER UPDATE ON image_properties WHEN old.Name = 'os_distro' OR new.Name = 'os_distro' BEGIN
                  UPDATE images
                    SET OsDistro = (SELECT p.Value FROM image_properties AS p WHERE p.ImageId = images.Id AND p.Name = 'os_distro')
                    WHERE Id IN (old.ImageId, new.ImageId);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER image_os_distro_delete AFTER DELETE ON image_properties WHEN old.Name = 'os_distro' BEGIN
                  UPDATE images SET OsDistro = NULL WHERE Id = old.ImageId;
                END;
                """);
            migrationBuilder.Sql("UPDATE images SET OsDistro = (SELECT p.Value FROM image_properties AS p WHERE p.ImageId = images.Id AND p.Name = 'os_distro');");

            // One more trigram index per visibility open to every project, holding only those images'
            // search text: counting a search's matches among them intersects the words inside a small
            // index instead of testing the visibility of every image in the catalog that holds a word.
            // Each trigger re-reads the row, so it does not matter whether it runs before or after the
            // trigger that fills SearchText (image_search_text_*, whose update fires these).
            foreach (var visibility in OpenVisibilities)
            {
                var index = $"image_search_{visibility}";
                var reindex = $"""
                    DELETE FROM {index} WHERE rowid = old.rowid;
                      INSERT INTO {index} (rowid, text)
                        SELECT rowid, SearchText FROM images WHERE rowid = new.rowid AND Deleted = 0 AND Visibility = '{visibility}';
                    """;
                migrationBuilder.Sql($"CREATE VIRTUAL TABLE {index} USING fts5(text, tokenize = 'trigram');");
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {index}_insert AFTER INSERT ON images WHEN new.Visibility = '{visibility}' BEGIN
                      {reindex.Replace("old.rowid", "new.rowid")}
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {index}_update AFTER UPDATE OF SearchText, Visibility, Deleted ON images
                      WHEN old.Visibility = '{visibility}' OR new.Visibility = '{visibility}' BEGIN
                      {reindex}
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {index}_delete AFTER DELETE ON images WHEN old.Visibility = '{visibility}' BEGIN
                      DELETE FROM {index} WHERE rowid = old.rowid;
                    END;
                    """);
                migrationBuilder.Sql($"INSERT INTO {index} (rowid, text) SELECT rowid, SearchText FROM images WHERE Deleted = 0 AND Visibility = '{visibility}';");
            }
        }

        private static readonly string[] OpenVisibilities = ["public", "community"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var visibility in OpenVisibilities)
            {
                foreach (var trigger in new[] { "insert", "update", "delete" })
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS image_search_{visibility}_{trigger};");
                }
                migrationBuilder.Sql($"DROP TABLE IF EXISTS image_search_{visibility};");
            }
            foreach (var trigger in new[] { "insert", "update", "delete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS image_os_distro_{trigger};");
            }
            migrationBuilder.DropColumn(
                name: "OsDistro",
                table: "images");
        }
    }
}

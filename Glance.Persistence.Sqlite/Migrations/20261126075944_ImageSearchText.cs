using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glance.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImageSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "images",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // The row's own search text, so a search word can be tested on the row being walked (a
            // LIKE), without building the index's set of every image holding a common word.
            // (No alias on the updated table: SQLite before 3.42 refuses one inside a trigger.)
            const string text = "lower(coalesce(images.Name, '') || ' ' || coalesce((SELECT group_concat(p.Value, ' ') FROM image_properties AS p WHERE p.ImageId = images.Id), ''))";
            migrationBuilder.Sql($"""
                CREATE TRIGGER image_search_text_insert AFTER INSERT ON images BEGIN
                  UPDATE images SET SearchText = {text} WHERE rowid = new.rowid;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER image_search_text_name AFTER UPDATE OF Name ON images BEGIN
                  UPDATE images SET SearchText = {text} WHERE rowid = new.rowid;
                END;
                """);
            foreach (var (name, row) in new[] { ("insert", "new"), ("update", "new"), ("delete", "old") })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER image_search_text_property_{name} AFTER {name.ToUpperInvariant()} ON image_properties BEGIN
                      UPDATE images SET SearchText = {text} WHERE Id = {row}.ImageId;
                    END;
                    """);
            }
            migrationBuilder.Sql($"UPDATE images SET SearchText = {text};");

            // Names beginning with a search word rank first; a range on lower(Name) finds them when few.
            migrationBuilder.Sql("CREATE INDEX IX_images_Name_Lower ON images (lower(Name));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS IX_images_Name_Lower;");
            foreach (var trigger in new[] { "image_search_text_insert", "image_search_text_name", "image_search_text_property_insert", "image_search_text_property_update", "image_search_text_property_delete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "images");
        }
    }
}

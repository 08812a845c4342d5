using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glance.Persistence.Sqlite.Migrations
{
    /// <summary>
    /// The os_distro copy on the image's row (the facet's value) keeps the property's first 255
    /// characters, the column's length, as on every adapter: an engine that enforces the length would
    /// otherwise refuse the property, and one that does not would count a different value.
    /// </summary>
    public partial class OsDistroFacetLength : Migration
    {
        private static void CreateTriggers(MigrationBuilder migrationBuilder, string value)
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER image_os_distro_insert AFTER INSERT ON image_properties WHEN new.Name = 'os_distro' BEGIN
                  UPDATE images SET OsDistro = {string.Format(value, "new.Value")} WHERE Id = new.ImageId;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER image_os_distro_update AFTER UPDATE ON image_properties WHEN old.Name = 'os_distro' OR new.Name = 'os_distro' BEGIN
                  UPDATE images
                    SET OsDistro = (SELECT {string.Format(value, "p.Value")} FROM image_properties AS p WHERE p.ImageId = images.Id AND p.Name = 'os_distro')
                    WHERE Id IN (old.ImageId, new.ImageId);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER image_os_distro_insert;");
            migrationBuilder.Sql("DROP TRIGGER image_os_distro_update;");
            CreateTriggers(migrationBuilder, "substr({0}, 1, 255)");
            migrationBuilder.Sql("UPDATE images SET OsDistro = substr(OsDistro, 1, 255) WHERE length(OsDistro) > 255;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER image_os_distro_insert;");
            migrationBuilder.Sql("DROP TRIGGER image_os_distro_update;");
            CreateTriggers(migrationBuilder, "{0}");
            migrationBuilder.Sql("UPDATE images SET OsDistro = (SELECT p.Value FROM image_properties AS p WHERE p.ImageId = images.Id AND p.Name = 'os_distro');");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glance.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PropertyNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "image_property_names",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_image_property_names", x => x.Name);
                });

            // Every name a property row ever had: a search checks these against the caller's property
            // protections (PropertyReadScope). A name whose last row went stays: it then matches nothing.
            migrationBuilder.Sql("""
                CREATE TRIGGER image_property_names_insert AFTER INSERT ON image_properties BEGIN
                  INSERT OR IGNORE INTO image_property_names (Name) VALUES (new.Name);
                END;
                """);
            migrationBuilder.Sql("INSERT OR IGNORE INTO image_property_names (Name) SELECT DISTINCT Name FROM image_properties;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS image_property_names_insert;");
            migrationBuilder.DropTable(
                name: "image_property_names");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glance.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImageLocations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "image_locations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImageId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    StoreId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Metadata = table.Column<string>(type: "TEXT", nullable: false, defaultValue: "{}"),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_image_locations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_image_locations_images_ImageId",
                        column: x => x.ImageId,
                        principalTable: "images",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_image_locations_ImageId",
                table: "image_locations",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_image_locations_StoreId_ImageId",
                table: "image_locations",
                columns: new[] { "StoreId", "ImageId" });

            // Each image's data moves to a location in the one filesystem store there was ("file").
            migrationBuilder.Sql("""
                INSERT INTO image_locations (ImageId, StoreId, Url, Metadata, Status, CreatedAt, UpdatedAt)
                  SELECT Id, 'file', Location, '{}', 'active', UpdatedAt, UpdatedAt FROM images WHERE Location IS NOT NULL;
                """);
            // SQLite's own DROP COLUMN, not EF's rebuild of the table, which would lose its triggers and
            // give its rows new rowids (the search index is keyed by them).
            migrationBuilder.Sql("ALTER TABLE images DROP COLUMN Location;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Location",
                table: "images",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE images SET Location = (SELECT l.Url FROM image_locations AS l
                  WHERE l.ImageId = images.Id AND l.Status = 'active' ORDER BY l.Id LIMIT 1);
                """);

            migrationBuilder.DropTable(
                name: "image_locations");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Glance.Persistence.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImageId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    StoreId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C"),
                    Url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false, collation: "C"),
                    Metadata = table.Column<string>(type: "text", nullable: false, defaultValue: "{}", collation: "C"),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                INSERT INTO image_locations ("ImageId", "StoreId", "Url", "Metadata", "Status", "CreatedAt", "UpdatedAt")
                  SELECT "Id", 'file', "Location", '{}', 'active', "UpdatedAt", "UpdatedAt" FROM images WHERE "Location" IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "Location",
                table: "images");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "image_locations");

            migrationBuilder.AddColumn<string>(
                name: "Location",
                table: "images",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: true,
                collation: "C");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glance.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TagOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_image_tags_Value",
                table: "image_tags");

            migrationBuilder.AddColumn<DateTime>(
                name: "ImageCreatedAt",
                table: "image_tags",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc));

            // Each tag row carries its image's created_at (which never changes), for TagOrder's walk.
            migrationBuilder.Sql("""
                CREATE TRIGGER image_tags_created_at AFTER INSERT ON image_tags BEGIN
                  UPDATE image_tags SET ImageCreatedAt = (SELECT CreatedAt FROM images WHERE Id = new.ImageId)
                    WHERE rowid = new.rowid;
                END;
                """);
            migrationBuilder.Sql("UPDATE image_tags SET ImageCreatedAt = (SELECT CreatedAt FROM images WHERE images.Id = image_tags.ImageId);");

            migrationBuilder.CreateIndex(
                name: "IX_image_tags_Value_ImageCreatedAt_ImageId",
                table: "image_tags",
                columns: new[] { "Value", "ImageCreatedAt", "ImageId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS image_tags_created_at;");
            migrationBuilder.DropIndex(
                name: "IX_image_tags_Value_ImageCreatedAt_ImageId",
                table: "image_tags");

            migrationBuilder.DropColumn(
                name: "ImageCreatedAt",
                table: "image_tags");

            migrationBuilder.CreateIndex(
                name: "IX_image_tags_Value",
                table: "image_tags",
                column: "Value");
        }
    }
}

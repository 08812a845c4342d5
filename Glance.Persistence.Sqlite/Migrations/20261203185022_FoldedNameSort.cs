using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glance.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FoldedNameSort : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SortName",
                table: "images",
                type: "TEXT",
                maxLength: 255,
                nullable: false,
                defaultValue: "");

            // Images stored before: SQLite's lower() folds ASCII letters; names saved from now on are folded fully.
            migrationBuilder.Sql("UPDATE images SET SortName = lower(COALESCE(Name, ''))");

            migrationBuilder.CreateIndex(
                name: "IX_images_SortName_CreatedAt_Id",
                table: "images",
                columns: new[] { "SortName", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_images_SortName_CreatedAt_Id",
                table: "images");

            migrationBuilder.DropColumn(
                name: "SortName",
                table: "images");
        }
    }
}

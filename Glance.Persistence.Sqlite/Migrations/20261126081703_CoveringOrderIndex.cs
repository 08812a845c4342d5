using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glance.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CoveringOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_images_CreatedAt_Id",
                table: "images");

            migrationBuilder.CreateIndex(
                name: "IX_images_CreatedAt_Id_Covering",
                table: "images",
                columns: new[] { "CreatedAt", "Id", "Owner", "Visibility", "Deleted", "Status", "OsHidden" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_images_CreatedAt_Id_Covering",
                table: "images");

            migrationBuilder.CreateIndex(
                name: "IX_images_CreatedAt_Id",
                table: "images",
                columns: new[] { "CreatedAt", "Id" });
        }
    }
}

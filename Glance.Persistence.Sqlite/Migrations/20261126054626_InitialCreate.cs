using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glance.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "images",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Protected = table.Column<bool>(type: "INTEGER", nullable: false),
                    OsHidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    Checksum = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OsHashAlgo = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OsHashValue = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Size = table.Column<long>(type: "INTEGER", nullable: true),
                    VirtualSize = table.Column<long>(type: "INTEGER", nullable: true),
                    ContainerFormat = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DiskFormat = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    MinRam = table.Column<int>(type: "INTEGER", nullable: false),
                    MinDisk = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_images", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "image_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImageId = table.Column<string>(type: "TEXT", nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Deleted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_image_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_image_members_images_ImageId",
                        column: x => x.ImageId,
                        principalTable: "images",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "image_properties",
                columns: table => new
                {
                    ImageId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_image_properties", x => new { x.ImageId, x.Name });
                    table.ForeignKey(
                        name: "FK_image_properties_images_ImageId",
                        column: x => x.ImageId,
                        principalTable: "images",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "image_tags",
                columns: table => new
                {
                    ImageId = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_image_tags", x => new { x.ImageId, x.Value });
                    table.ForeignKey(
                        name: "FK_image_tags_images_ImageId",
                        column: x => x.ImageId,
                        principalTable: "images",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_image_members_ImageId_MemberId",
                table: "image_members",
                columns: new[] { "ImageId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_image_members_MemberId_Status_ImageId",
                table: "image_members",
                columns: new[] { "MemberId", "Status", "ImageId" });

            migrationBuilder.CreateIndex(
                name: "IX_image_properties_Name_Value",
                table: "image_properties",
                columns: new[] { "Name", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_image_tags_Value",
                table: "image_tags",
                column: "Value");

            migrationBuilder.CreateIndex(
                name: "IX_images_Checksum",
                table: "images",
                column: "Checksum");

            migrationBuilder.CreateIndex(
                name: "IX_images_CreatedAt_Id",
                table: "images",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_images_Name_Id",
                table: "images",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_images_OsHashValue",
                table: "images",
                column: "OsHashValue");

            migrationBuilder.CreateIndex(
                name: "IX_images_Owner_CreatedAt",
                table: "images",
                columns: new[] { "Owner", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_images_Size",
                table: "images",
                column: "Size");

            migrationBuilder.CreateIndex(
                name: "IX_images_Status",
                table: "images",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_images_UpdatedAt_Id",
                table: "images",
                columns: new[] { "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_images_Visibility_CreatedAt",
                table: "images",
                columns: new[] { "Visibility", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "image_members");

            migrationBuilder.DropTable(
                name: "image_properties");

            migrationBuilder.DropTable(
                name: "image_tags");

            migrationBuilder.DropTable(
                name: "images");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glance.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SharingAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "image_members",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ImageId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ImageOwner = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Before = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ActorProjectId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_events", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_ImageId_At",
                table: "audit_events",
                columns: new[] { "ImageId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_ImageOwner_At",
                table: "audit_events",
                columns: new[] { "ImageOwner", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_MemberId_At",
                table: "audit_events",
                columns: new[] { "MemberId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "image_members");
        }
    }
}

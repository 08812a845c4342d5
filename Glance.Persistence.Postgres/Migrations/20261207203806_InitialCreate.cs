using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Glance.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    ImageId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    ImageName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    ImageOwner = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    MemberId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    Subject = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    Before = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    After = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    ActorUserId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    ActorProjectId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "image_facet_counts",
                columns: table => new
                {
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    OsHidden = table.Column<bool>(type: "boolean", nullable: false),
                    Facet = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    Value = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C"),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_image_facet_counts", x => new { x.Visibility, x.OsHidden, x.Facet, x.Value });
                });

            migrationBuilder.CreateTable(
                name: "image_property_names",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_image_property_names", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "images",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    SortName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, defaultValue: "", collation: "C"),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false, collation: "C"),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    Protected = table.Column<bool>(type: "boolean", nullable: false),
                    OsHidden = table.Column<bool>(type: "boolean", nullable: false),
                    Checksum = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C"),
                    OsHashAlgo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    OsHashValue = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true, collation: "C"),
                    Owner = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    Size = table.Column<long>(type: "bigint", nullable: true),
                    VirtualSize = table.Column<long>(type: "bigint", nullable: true),
                    ContainerFormat = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C"),
                    DiskFormat = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C"),
                    MinRam = table.Column<int>(type: "integer", nullable: false),
                    MinDisk = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Deleted = table.Column<bool>(type: "boolean", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OsDistro = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    SearchText = table.Column<string>(type: "text", nullable: false, defaultValue: "", collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_images", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "property_protection_versions",
                columns: table => new
                {
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, collation: "C"),
                    Content = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    SavedBy = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    SavedByProject = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true, collation: "C"),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_property_protection_versions", x => x.Number);
                });

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
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false, collation: "C"),
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

            migrationBuilder.CreateTable(
                name: "image_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImageId = table.Column<string>(type: "character varying(36)", nullable: false, collation: "C"),
                    MemberId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C"),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Deleted = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    ImageId = table.Column<string>(type: "character varying(36)", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C"),
                    Value = table.Column<string>(type: "text", nullable: true, collation: "C")
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
                    ImageId = table.Column<string>(type: "character varying(36)", nullable: false, collation: "C"),
                    Value = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C"),
                    ImageCreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValue: new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc))
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

            migrationBuilder.CreateIndex(
                name: "IX_image_locations_ImageId",
                table: "image_locations",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_image_locations_StoreId_ImageId",
                table: "image_locations",
                columns: new[] { "StoreId", "ImageId" });

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
                name: "IX_image_tags_Value_ImageCreatedAt_ImageId",
                table: "image_tags",
                columns: new[] { "Value", "ImageCreatedAt", "ImageId" });

            migrationBuilder.CreateIndex(
                name: "IX_images_Checksum",
                table: "images",
                column: "Checksum");

            migrationBuilder.CreateIndex(
                name: "IX_images_CreatedAt_Id_Covering",
                table: "images",
                columns: new[] { "CreatedAt", "Id", "Owner", "Visibility", "Deleted", "Status", "OsHidden" });

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
                name: "IX_images_SortName_CreatedAt_Id",
                table: "images",
                columns: new[] { "SortName", "CreatedAt", "Id" });

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
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "image_facet_counts");

            migrationBuilder.DropTable(
                name: "image_locations");

            migrationBuilder.DropTable(
                name: "image_members");

            migrationBuilder.DropTable(
                name: "image_properties");

            migrationBuilder.DropTable(
                name: "image_property_names");

            migrationBuilder.DropTable(
                name: "image_tags");

            migrationBuilder.DropTable(
                name: "property_protection_versions");

            migrationBuilder.DropTable(
                name: "images");
        }
    }
}

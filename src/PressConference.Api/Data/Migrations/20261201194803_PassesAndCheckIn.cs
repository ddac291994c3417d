using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PressConference.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class PassesAndCheckIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DoorBindings",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    BriefingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RemotePointId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BoundAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BoundBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DoorBindings", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_DoorBindings_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DoorBindings_Briefings_BriefingId",
                        column: x => x.BriefingId,
                        principalTable: "Briefings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OfflineScans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ScannedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LocalResult = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Conflict = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfflineScans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Passes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    BriefingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RemotePointId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OutletName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateTime>(type: "TEXT", nullable: false),
                    KeyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Passes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Passes_Briefings_BriefingId",
                        column: x => x.BriefingId,
                        principalTable: "Briefings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PassSigningKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicX = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    PublicY = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PassSigningKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScanLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ScannedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AccountName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DoorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BriefingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RemotePointId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CheckIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PassId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BriefingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RemotePointId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DoorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ScannedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CheckedInAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckIns_Passes_PassId",
                        column: x => x.PassId,
                        principalTable: "Passes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_BriefingId_RemotePointId",
                table: "CheckIns",
                columns: new[] { "BriefingId", "RemotePointId" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_PassId",
                table: "CheckIns",
                column: "PassId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DoorBindings_BriefingId",
                table: "DoorBindings",
                column: "BriefingId");

            migrationBuilder.CreateIndex(
                name: "IX_OfflineScans_DeviceId_TokenHash_ScannedAt",
                table: "OfflineScans",
                columns: new[] { "DeviceId", "TokenHash", "ScannedAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Passes_BriefingId_RemotePointId",
                table: "Passes",
                columns: new[] { "BriefingId", "RemotePointId" });

            migrationBuilder.CreateIndex(
                name: "IX_Passes_OwnerId",
                table: "Passes",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Passes_RegistrationId",
                table: "Passes",
                column: "RegistrationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScanLog_BriefingId_RemotePointId_Result",
                table: "ScanLog",
                columns: new[] { "BriefingId", "RemotePointId", "Result" });

            migrationBuilder.CreateIndex(
                name: "IX_ScanLog_PassId",
                table: "ScanLog",
                column: "PassId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CheckIns");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DoorBindings");

            migrationBuilder.DropTable(
                name: "OfflineScans");

            migrationBuilder.DropTable(
                name: "PassSigningKeys");

            migrationBuilder.DropTable(
                name: "ScanLog");

            migrationBuilder.DropTable(
                name: "Passes");
        }
    }
}

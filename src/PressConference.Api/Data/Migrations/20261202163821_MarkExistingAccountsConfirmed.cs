using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PressConference.Api.Data.Migrations
{
    /// <summary>
    /// Identity:RequireConfirmedEmail (issue 11) stops an unconfirmed reporter from registering for a briefing. Accounts
    /// made before it never had a way to confirm, so they count as confirmed; the model itself does not change.
    /// </summary>
    public partial class MarkExistingAccountsConfirmed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET \"EmailConfirmed\" = 1 WHERE \"EmailConfirmed\" = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Which accounts were unconfirmed before is not kept: nothing to undo.
        }
    }
}

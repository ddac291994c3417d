using PressConference.Api.Accreditation;
using PressConference.Api.Briefings;
using PressConference.Api.Calendar;
using PressConference.Api.CheckIn;
using PressConference.Api.Compliance;
using PressConference.Api.Demo;
using PressConference.Api.Door;
using PressConference.Api.Identity;
using PressConference.Api.Incidents;
using PressConference.Api.Outlets;
using PressConference.Api.Notifications;
using PressConference.Api.Passes;
using PressConference.Api.RemotePoints;
using PressConference.Api.Series;
using PressConference.Api.Spokespersons;
using PressConference.Api.Web;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(DemoSeeder.TakeSwitch(args));

builder.AddInfrastructure();
builder.AddDatabase();
builder.AddIdentityFeature();
builder.AddOutlets();
builder.AddBriefings();
builder.AddSeries();
builder.AddCompliance();
builder.AddCalendar();
builder.AddAccreditation();
builder.AddIncidents();
builder.AddPasses();
builder.AddCheckIn();
builder.AddNotifications();
builder.AddDemoSeeder();
builder.AddWebApp();

var app = builder.Build();

await app.Services.MigrateDatabaseAsync();
await app.Services.EnsureRolesAndAdminAsync();
await app.Services.EnsurePassKeyAsync();
await app.Services.SeedDemoIfAskedAsync();

app.UseInfrastructure();
app.UseDoorPage();
app.UseIdentityFeature();

app.MapOpenApi().AllowAnonymous();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference().AllowAnonymous();
}

app.MapHealthChecks("/health").AllowAnonymous();
app.MapAuth();
app.MapUsers();
app.MapBriefings();
app.MapBriefingRemotePoints();
app.MapSeries();
app.MapCompliance();
app.MapCalendar();
app.MapRemotePoints();
app.MapSpokespersons();
app.MapOutlets();
app.MapProfile();
app.MapCredentials();
app.MapCardRevocations();
app.MapRegistrations();
app.MapIncidents();
app.MapPasses();
app.MapCheckIn();
app.MapAttendance();
app.MapNotificationEndpoints();
app.MapNotifications();
app.ScheduleSeriesJobs();
app.MapWebApp();

await app.RunAsync();

public partial class Program;

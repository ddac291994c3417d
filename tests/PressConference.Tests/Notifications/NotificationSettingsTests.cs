using System.Text.RegularExpressions;
using PressConference.Api.Infrastructure;
using PressConference.Api.Notifications;
using PressConference.Tests.Support;

namespace PressConference.Tests.Notifications;

public sealed partial class NotificationSettingsTests
{
    [TestCase("Notifications:Smtp:Security", "Tls13", "Security")]
    [TestCase("Notifications:MaxAttempts", "0", "MaxAttempts")]
    [TestCase("Notifications:Smtp:From", "not an address", "Smtp:From")]
    [TestCase("Notifications:ReporterReminderOffsets:0", "-02:00:00", "ReporterReminderOffsets")]
    public void A_bad_notification_setting_stops_the_service_naming_it(string key, string value, string named)
    {
        using var factory = new TestHost(new Dictionary<string, string?> { [key] = value });
        var error = Assert.Catch(() => factory.CreateClient());
        Assert.That(error!.ToString(), Does.Contain(named));
    }

    [Test]
    public void Reminder_offsets_default_to_24_and_2_hours_and_a_configured_list_replaces_them()
    {
        Assert.That(new NotificationOptions().EffectiveReporterReminderOffsets, Is.EqualTo(new[] { TimeSpan.FromHours(24), TimeSpan.FromHours(2) }));
        var configured = new NotificationOptions { ReporterReminderOffsets = [TimeSpan.FromHours(3), TimeSpan.FromDays(2)] };
        Assert.That(configured.EffectiveReporterReminderOffsets, Is.EqualTo(new[] { TimeSpan.FromDays(2), TimeSpan.FromHours(3) }));
    }

    [Test]
    public void Every_mail_template_exists_for_every_kind_with_the_same_placeholders_in_both_languages()
    {
        Assert.Multiple(() =>
        {
            foreach (var kind in Enum.GetValues<NotificationKind>())
            {
                foreach (var part in new[] { "subject", "body" })
                {
                    var key = $"mail.{kind}.{part}";
                    Assert.That(Texts.All.ContainsKey(key), key);
                    if (Texts.All.TryGetValue(key, out var text))
                    {
                        Assert.That(Named(text.Vi), Is.EquivalentTo(Named(text.En)), key);
                    }
                }
            }
        });
    }

    private static List<string> Named(string text) => NamedPlaceholder().Matches(text).Select(m => m.Value).Distinct().ToList();

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex NamedPlaceholder();
}

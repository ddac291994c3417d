using System.Globalization;
using System.Text.RegularExpressions;
using PressConference.Api.Accreditation;
using PressConference.Api.Infrastructure;
using PressConference.Api.Notifications;

namespace PressConference.Tests.Notifications;

/// <summary>
/// A Vietnamese mail addresses its reader as "anh/chị" ("Kính gửi …"): every sentence placed into it says the same,
/// not the familiar "bạn" the API's own answers may use.
/// </summary>
public sealed partial class MailToneTests
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi");

    [GeneratedRegex(@"\bbạn\b", RegexOptions.IgnoreCase)]
    private static partial Regex Familiar();

    [Test]
    public void Every_finding_given_as_a_reason_in_a_mail_addresses_the_reader_as_anh_chi()
    {
        var lines = Enum.GetValues<FindingCode>()
            .Select(code => (code, line: RegistrationNotifications.ReasonLine(Vi, new Finding(code, "Báo Hà Nội Mới", "Văn phòng UBND thành phố Hà Nội"))))
            .Where(x => Familiar().IsMatch(x.line))
            .Select(x => $"{x.code}: {x.line}");
        Assert.That(lines, Is.Empty);
    }

    [Test]
    public void The_reason_a_mail_gives_for_a_repeat_uses_anh_chi_and_the_api_keeps_its_own_wording()
    {
        Assert.That(RegistrationNotifications.ReasonLine(Vi, new Finding(FindingCode.AlreadyRegistered)), Is.EqualTo("Anh/chị đã đăng ký dự họp báo này."));
        Assert.That(RegistrationNotifications.ReasonLine(CultureInfo.GetCultureInfo("en"), new Finding(FindingCode.AlreadyRegistered)),
            Is.EqualTo("You are already registered for this briefing."));
        Assert.That(Texts.Get(Vi, "finding.AlreadyRegistered"), Is.EqualTo("Bạn đã đăng ký dự họp báo này."));
    }

    [Test]
    public void No_mail_template_uses_the_familiar_form_of_address()
    {
        var familiar = Texts.All.Where(t => t.Key.StartsWith("mail.", StringComparison.Ordinal) && Familiar().IsMatch(t.Value.Vi))
            .Select(t => $"{t.Key}: {t.Value.Vi}");
        Assert.That(familiar, Is.Empty);
    }
}

using System.Net;
using System.Net.Http.Json;
using PressConference.Api.Outlets;
using PressConference.Tests.Support;

namespace PressConference.Tests.Accreditation;

/// <summary>Every automated check: one test that produces its finding and one that does not.</summary>
public sealed class FindingTests : AccreditationTest
{
    private const string Name = "Nguyễn Thị Mai Hương";
    private Guid _outlet;

    [OneTimeSetUp]
    public async Task CreateOutletAsync() => _outlet = await OutletAsync("Báo Tin Tức Thủ Đô", ["Báo Thủ Đô Xưa"]);

    private async Task<JsonNodeResult> RegisterWithCardAsync(Guid briefing, string holder = Name, Guid? outlet = null, DateOnly? issuedOn = null,
        DateOnly? expiresOn = null, string? number = null, string? outletName = null)
    {
        var card = await CardAsync(Reporter, holder, outletName is null ? outlet ?? _outlet : outlet, issuedOn, expiresOn, number, outletName);
        return new JsonNodeResult(await RegisterAsync(Reporter, briefing, card));
    }

    private async Task<JsonNodeResult> RegisterWithLetterAsync(Guid briefing, string addressedTo = HostAgency, int validFrom = 0, int validUntil = 30,
        string? purpose = "Đưa tin họp báo")
    {
        var letter = await LetterAsync(Reporter, Name, _outlet, addressedTo, Day(validFrom), Day(validUntil), purpose);
        return new JsonNodeResult(await RegisterAsync(Reporter, briefing, letter));
    }

    private sealed record JsonNodeResult(System.Text.Json.Nodes.JsonNode Node)
    {
        public string Status => Node.Str("status");
        public string[] Codes => AccreditationTest.Codes(Node);
    }

    [Test]
    public async Task A_valid_card_at_an_open_briefing_is_approved_with_no_findings()
    {
        var result = await RegisterWithCardAsync((await Data.BriefingAsync()).Id);
        Assert.That(result.Status, Is.EqualTo("Approved"));
        Assert.That(result.Codes, Is.Empty);
        Assert.That(result.Node["waitlistPosition"], Is.Null);
    }

    [Test]
    public async Task A_valid_letter_addressed_to_the_host_agency_is_approved()
    {
        var result = await RegisterWithLetterAsync((await Data.BriefingAsync()).Id);
        Assert.That(result.Status, Is.EqualTo("Approved"), result.Node.ToJsonString());
    }

    [Test]
    public async Task Registration_before_the_window_opens_is_BriefingNotOpen()
    {
        var briefing = (await Data.BriefingAsync(Data.At(20, 9), registrationOpensAt: Data.At(5, 8))).Id;

        var result = await RegisterWithCardAsync(briefing);
        Assert.That(result.Status, Is.EqualTo("Rejected"));
        Assert.That(result.Codes, Is.EqualTo(new[] { "BriefingNotOpen" }));
        Assert.That(result.Node["findings"]![0]!.Str("severity"), Is.EqualTo("Hard"));
    }

    [Test]
    public async Task A_cancelled_briefing_is_BriefingNotOpen()
    {
        var briefing = (await Data.BriefingAsync()).Id;
        await Organizer.PostJsonAsync($"/api/briefings/{briefing}/cancel", new { reason = "Thay đổi kế hoạch" }).ExpectAsync(HttpStatusCode.OK);
        Assert.That((await RegisterWithCardAsync(briefing)).Codes, Does.Contain("BriefingNotOpen"));
    }

    [Test]
    public async Task A_draft_briefing_does_not_exist_for_reporters()
    {
        var briefing = (await Data.BriefingAsync(publish: false)).Id;
        var card = await CardAsync(Reporter, Name, _outlet);
        await Reporter.PostJsonAsync($"/api/briefings/{briefing}/registrations", new { credentialId = card }).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Registration_after_closing_is_RegistrationClosed_and_before_it_is_not()
    {
        var briefing = (await Data.BriefingAsync()).Id;
        Assert.That((await RegisterWithCardAsync(briefing)).Codes, Does.Not.Contain("RegistrationClosed"));
        var other = (await Data.BriefingAsync()).Id;
        await Organizer.PostJsonAsync($"/api/briefings/{other}/close-registration").ExpectAsync(HttpStatusCode.OK);
        var result = await RegisterWithCardAsync(other);
        Assert.That(result.Status, Is.EqualTo("Rejected"));
        Assert.That(result.Codes, Is.EqualTo(new[] { "RegistrationClosed" }));
    }

    [Test]
    public async Task An_outlet_not_in_the_registry_is_OutletUnknown_and_a_registered_one_is_not()
    {
        var briefing = (await Data.BriefingAsync()).Id;
        var unknown = await RegisterWithCardAsync(briefing, outletName: "Trung tâm Truyền thông Sáng Tạo Việt");
        Assert.That(unknown.Status, Is.EqualTo("Rejected"));
        Assert.That(unknown.Codes, Is.EqualTo(new[] { "OutletUnknown" }));

        var known = await RegisterWithCardAsync((await Data.BriefingAsync()).Id, outletName: "BÁO TIN TỨC   THỦ ĐÔ");
        Assert.That(known.Codes, Is.Empty);
        Assert.That(known.Status, Is.EqualTo("Approved"));
    }

    [Test]
    public async Task An_outlet_suspended_on_the_briefing_date_is_OutletSuspended()
    {
        var suspended = await OutletAsync(status: OutletStatus.Suspended, statusFrom: Day(0), statusUntil: Day(30));
        Assert.That((await RegisterWithCardAsync((await Data.BriefingAsync(startsAt: Data.At(10, 9))).Id, outlet: suspended)).Codes, Is.EqualTo(new[] { "OutletSuspended" }));
    }

    [Test]
    public async Task A_suspension_that_ended_before_the_briefing_date_is_not_a_finding()
    {
        var lifted = await OutletAsync(status: OutletStatus.Suspended, statusFrom: Day(-30), statusUntil: Day(5));
        var result = await RegisterWithCardAsync((await Data.BriefingAsync(startsAt: Data.At(10, 9))).Id, outlet: lifted);
        Assert.That(result.Codes, Is.Empty);
    }

    [Test]
    public async Task A_revoked_outlet_is_OutletRevoked_and_an_active_one_is_not()
    {
        var revoked = await OutletAsync(status: OutletStatus.Revoked, statusFrom: Day(-100));
        Assert.That((await RegisterWithCardAsync((await Data.BriefingAsync()).Id, outlet: revoked)).Codes, Is.EqualTo(new[] { "OutletRevoked" }));
        Assert.That((await RegisterWithCardAsync((await Data.BriefingAsync()).Id, outlet: _outlet)).Codes, Does.Not.Contain("OutletRevoked"));
    }

    [Test]
    public async Task A_card_expiring_before_the_briefing_date_is_CardExpired()
    {
        var result = await RegisterWithCardAsync((await Data.BriefingAsync(startsAt: Data.At(10, 9))).Id, issuedOn: new DateOnly(2026, 1, 10), expiresOn: Day(9));
        Assert.That(result.Status, Is.EqualTo("Rejected"));
        Assert.That(result.Codes, Is.EqualTo(new[] { "CardExpired" }));
    }

    [Test]
    public async Task A_card_expiring_on_the_briefing_date_is_still_valid()
    {
        var result = await RegisterWithCardAsync((await Data.BriefingAsync(startsAt: Data.At(10, 9))).Id, issuedOn: new DateOnly(2026, 1, 10), expiresOn: Day(10));
        Assert.That(result.Codes, Is.Empty);
    }

    [Test]
    public async Task A_revoked_card_number_is_CardRevoked_whatever_its_spacing_and_others_are_not()
    {
        await Organizer.PostJsonAsync("/api/card-revocations", new { number = "R 77001", revokedOn = Day(-3), note = "Thu hồi theo quyết định" })
            .ExpectAsync(HttpStatusCode.Created);
        var revoked = await RegisterWithCardAsync((await Data.BriefingAsync()).Id, number: "r77001");
        Assert.That(revoked.Codes, Is.EqualTo(new[] { "CardRevoked" }));
        var other = await RegisterWithCardAsync((await Data.BriefingAsync()).Id, number: "R77002");
        Assert.That(other.Codes, Is.Empty);
    }

    [Test]
    public async Task A_card_of_the_2021_2025_series_past_the_cut_off_is_CardSeriesCutOff()
    {
        // The fixture's clock is in November 2026, after the default cut-off of 31 March 2026.
        var result = await RegisterWithCardAsync((await Data.BriefingAsync()).Id, issuedOn: new DateOnly(2022, 5, 1), expiresOn: new DateOnly(2025, 12, 31));
        Assert.That(result.Codes, Is.EqualTo(new[] { "CardSeriesCutOff" }));
    }

    [Test]
    public async Task A_card_of_the_new_series_is_not_cut_off()
    {
        var result = await RegisterWithCardAsync((await Data.BriefingAsync()).Id, issuedOn: new DateOnly(2026, 1, 2), expiresOn: new DateOnly(2031, 1, 1));
        Assert.That(result.Codes, Does.Not.Contain("CardSeriesCutOff"));
    }

    [Test]
    public async Task A_letter_to_another_agency_is_LetterWrongAgency()
    {
        var result = await RegisterWithLetterAsync((await Data.BriefingAsync()).Id, addressedTo: "Sở Y tế Hà Nội");
        Assert.That(result.Status, Is.EqualTo("Rejected"));
        Assert.That(result.Codes, Is.EqualTo(new[] { "LetterWrongAgency" }));
    }

    [TestCase("VAN PHONG UBND THANH PHO HA NOI")]
    [TestCase("UBND TP Hà Nội")]
    [TestCase("Ủy ban nhân dân thành phố Hà Nội")]
    public async Task A_letter_to_the_host_agency_by_another_of_its_names_or_without_diacritics_is_not_LetterWrongAgency(string addressedTo)
    {
        var result = await RegisterWithLetterAsync((await Data.BriefingAsync()).Id, addressedTo: addressedTo);
        Assert.That(result.Codes, Is.Empty);
    }

    [Test]
    public async Task A_letter_that_ends_before_the_briefing_date_is_LetterNotValidOnDate()
    {
        var result = await RegisterWithLetterAsync((await Data.BriefingAsync(startsAt: Data.At(10, 9))).Id, validFrom: 0, validUntil: 9);
        Assert.That(result.Codes, Is.EqualTo(new[] { "LetterNotValidOnDate" }));
    }

    [Test]
    public async Task A_letter_valid_through_the_briefing_date_is_not_LetterNotValidOnDate()
    {
        var result = await RegisterWithLetterAsync((await Data.BriefingAsync(startsAt: Data.At(10, 9))).Id, validFrom: 10, validUntil: 10);
        Assert.That(result.Codes, Is.Empty);
    }

    [Test]
    public async Task A_letter_without_content_is_LetterContentMissing()
    {
        var result = await RegisterWithLetterAsync((await Data.BriefingAsync()).Id, purpose: null);
        Assert.That(result.Codes, Is.EqualTo(new[] { "LetterContentMissing" }));
        var filled = await RegisterWithLetterAsync((await Data.BriefingAsync()).Id, purpose: "Tìm hiểu tiến độ giải ngân vốn đầu tư công");
        Assert.That(filled.Codes, Does.Not.Contain("LetterContentMissing"));
    }

    [TestCase("Trần Văn Bình")]
    [TestCase("Nguyễn Thị Mai Hường")]
    public async Task A_holder_name_that_differs_from_the_profile_is_NameMismatch(string holder)
    {
        var result = await RegisterWithCardAsync((await Data.BriefingAsync()).Id, holder: holder);
        Assert.That(result.Status, Is.EqualTo("Rejected"));
        Assert.That(result.Codes, Is.EqualTo(new[] { "NameMismatch" }));
    }

    [TestCase("nguyễn thị   mai HƯƠNG")]
    [TestCase("  Nguyễn Thị Mai Hương ")]
    public async Task The_same_name_in_other_case_or_spacing_is_no_finding(string holder)
    {
        Assert.That((await RegisterWithCardAsync((await Data.BriefingAsync()).Id, holder: holder)).Codes, Is.Empty);
    }

    [Test]
    public async Task A_name_typed_in_NFD_matches_the_profile_name_in_NFC()
    {
        var nfd = Name.Normalize(System.Text.NormalizationForm.FormD);
        Assert.That(nfd, Is.Not.EqualTo(Name));
        var result = await RegisterWithCardAsync((await Data.BriefingAsync()).Id, holder: nfd);
        Assert.That(result.Codes, Is.Empty);
        Assert.That(result.Status, Is.EqualTo("Approved"));
    }

    [Test]
    public async Task A_name_without_diacritics_goes_to_review_as_NameMatchesWithoutDiacritics()
    {
        var result = await RegisterWithCardAsync((await Data.BriefingAsync()).Id, holder: "NGUYEN THI MAI HUONG");
        Assert.That(result.Status, Is.EqualTo("PendingReview"));
        Assert.That(result.Codes, Is.EqualTo(new[] { "NameMatchesWithoutDiacritics" }));
        Assert.That(result.Node["findings"]![0]!.Str("severity"), Is.EqualTo("Soft"));
    }

    [Test]
    public async Task An_outlet_named_by_its_old_name_goes_to_review_as_OutletMatchedByAlias()
    {
        var result = await RegisterWithCardAsync((await Data.BriefingAsync()).Id, outletName: "bao thu do xua");
        Assert.That(result.Status, Is.EqualTo("PendingReview"));
        Assert.That(result.Codes, Is.EqualTo(new[] { "OutletMatchedByAlias" }));
        Assert.That(result.Node.Str("outletName"), Is.EqualTo("Báo Tin Tức Thủ Đô"));
    }

    [Test]
    public async Task A_briefing_without_auto_approval_sends_every_clean_registration_to_review()
    {
        var result = await RegisterWithCardAsync((await Data.BriefingAsync(autoApprove: false)).Id);
        Assert.That(result.Status, Is.EqualTo("PendingReview"));
        Assert.That(result.Codes, Is.EqualTo(new[] { "ManualReviewRequired" }));
    }

    [Test]
    public async Task A_second_registration_for_the_same_briefing_answers_the_open_one_until_it_is_cancelled()
    {
        var briefing = (await Data.BriefingAsync()).Id;
        var first = await RegisterWithCardAsync(briefing);
        Assert.That(first.Codes, Does.Not.Contain("AlreadyRegistered"));
        var card = await CardAsync(Reporter, Name, _outlet);
        var second = await Reporter.PostJsonAsync($"/api/briefings/{briefing}/registrations", new { credentialId = card }).ExpectAsync(HttpStatusCode.OK);
        Assert.That((second.Id(), second.Str("status")), Is.EqualTo((first.Node.Id(), "Approved")));

        await Reporter.PostJsonAsync($"/api/registrations/{first.Node.Id()}/cancel").ExpectAsync(HttpStatusCode.OK);
        var third = await RegisterWithCardAsync(briefing);
        Assert.That(third.Status, Is.EqualTo("Approved"));
        Assert.That(third.Node.Id(), Is.Not.EqualTo(first.Node.Id()));
    }

    [Test]
    public async Task Hard_and_soft_findings_together_reject_and_list_every_reason()
    {
        var result = await RegisterWithCardAsync((await Data.BriefingAsync(autoApprove: false)).Id, holder: "NGUYEN THI MAI HUONG",
            issuedOn: new DateOnly(2026, 1, 10), expiresOn: Day(1));
        Assert.That(result.Status, Is.EqualTo("Rejected"));
        Assert.That(result.Codes, Is.EquivalentTo(new[] { "CardExpired", "NameMatchesWithoutDiacritics", "ManualReviewRequired" }));
    }

    [Test]
    public async Task Finding_messages_are_in_vietnamese_by_default_and_in_english_on_request()
    {
        var briefing = (await Data.BriefingAsync()).Id;
        var card = await CardAsync(Reporter, Name, _outlet, new DateOnly(2026, 1, 10), Day(1));
        var vi = await RegisterAsync(Reporter, briefing, card);
        Assert.That(vi["findings"]![0]!.Str("message"), Does.Contain("Thẻ nhà báo hết hạn"));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/registrations/{vi.Id()}");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var en = await Reporter.SendAsync(request).ExpectAsync(HttpStatusCode.OK);
        Assert.That(en["findings"]![0]!.Str("message"), Does.Contain("The press card expired on"));
    }

    [Test]
    public async Task A_rejected_registration_is_stored_with_its_findings_for_the_office()
    {
        var result = await RegisterWithCardAsync((await Data.BriefingAsync()).Id, holder: "Trần Văn Bình");
        var stored = await StoredAsync(result.Node.Id());
        Assert.That(stored.Status, Is.EqualTo(PressConference.Api.Accreditation.RegistrationStatus.Rejected));
        Assert.That(stored.FindingList.Select(f => f.Code.ToString()), Is.EqualTo(new[] { "NameMismatch" }));
        Assert.That(stored.DecidedAt, Is.Not.Null);
    }

    [Test]
    public async Task Questions_are_optional_and_kept()
    {
        var briefing = (await Data.BriefingAsync()).Id;
        var card = await CardAsync(Reporter, Name, _outlet);
        var result = await Reporter.PostJsonAsync($"/api/briefings/{briefing}/registrations",
            new { credentialId = card, questions = "Tiến độ tuyến đường sắt số 3?" }).ExpectAsync(HttpStatusCode.Created);
        Assert.That(result.Str("questions"), Is.EqualTo("Tiến độ tuyến đường sắt số 3?"));
        Assert.That(Status(result), Is.EqualTo("Approved"));
    }
}

/// <summary>The cut-off of the 2021–2025 card series is a setting.</summary>
public sealed class CardSeriesCutOffSettingTests : AccreditationTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Accreditation:CardSeriesCutOff"] = "2027-06-30" };

    [Test]
    public async Task A_card_of_the_2021_2025_series_printed_to_2025_stays_valid_until_a_later_cut_off()
    {
        var outlet = await OutletAsync();
        var card = await CardAsync(Reporter, "Nguyễn Thị Mai Hương", outlet, new DateOnly(2022, 5, 1), new DateOnly(2025, 12, 31));
        var result = await RegisterAsync(Reporter, (await Data.BriefingAsync()).Id, card);
        Assert.That(Codes(result), Is.Empty);
        Assert.That(Status(result), Is.EqualTo("Approved"));
    }
}

/// <summary>Registration closes by itself at the briefing's closing time (this fixture moves its clock).</summary>
public sealed class RegistrationWindowTests : AccreditationTest
{
    [Test]
    public async Task Registering_after_the_closing_time_is_RegistrationClosed()
    {
        var outlet = await OutletAsync();
        var briefing = (await Data.BriefingAsync(startsAt: Data.At(1, 9))).Id;
        var card = await CardAsync(Reporter, "Nguyễn Thị Mai Hương", outlet);
        var closesAt = (await Organizer.GetAsync($"/api/briefings/{briefing}").ExpectAsync(HttpStatusCode.OK))["registrationClosesAt"]!.GetValue<DateTime>();

        Factory.Clock.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(closesAt, DateTimeKind.Utc)).AddMinutes(-1));
        var before = await RegisterAsync(Reporter, briefing, card);
        Assert.That(Status(before), Is.EqualTo("Approved"));
        await Reporter.PostJsonAsync($"/api/registrations/{before.Id()}/cancel").ExpectAsync(HttpStatusCode.OK);

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = await RegisterAsync(Reporter, briefing, card);
        Assert.That((Status(after), Codes(after)), Is.EqualTo(("Rejected", new[] { "RegistrationClosed" })));
    }
}

using Microsoft.Extensions.Options;
using PressConference.Api.Briefings;
using PressConference.Api.Outlets;

namespace PressConference.Api.Accreditation;

/// <summary>
/// The automated checks of a registration (DOMAIN.md, "Credentials a reporter shows"). Each rule yields a finding;
/// the decision follows from their severities.
/// </summary>
public sealed class RegistrationChecks(AppDbContext db, IOptions<AccreditationOptions> options)
{
    private static readonly FindingCode[] DateDependent =
        [FindingCode.CardExpired, FindingCode.CardRevoked, FindingCode.CardSeriesCutOff, FindingCode.LetterNotValidOnDate, FindingCode.OutletSuspended, FindingCode.OutletRevoked];

    /// <summary>Every finding of a new registration, in a stable order.</summary>
    public async Task<List<Finding>> CheckAsync(Briefing briefing, Credential credential, string reporterId, string profileName, DateTime now,
        CancellationToken ct)
    {
        var findings = new List<Finding>();
        if (briefing.Status is BriefingStatus.RegistrationClosed)
        {
            findings.Add(new Finding(FindingCode.RegistrationClosed));
        }
        else if (briefing.Status is not BriefingStatus.Published)
        {
            findings.Add(new Finding(FindingCode.BriefingNotOpen, Texts.Name(briefing.Status)));
        }
        else if (briefing.RegistrationOpensAt is { } opens && now < opens)
        {
            findings.Add(new Finding(FindingCode.BriefingNotOpen, VietnamTime.ToLocal(opens).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        }
        else if (now >= briefing.RegistrationClosesAt)
        {
            findings.Add(new Finding(FindingCode.RegistrationClosed));
        }

        findings.AddRange(await CheckCredentialAsync(briefing, credential, profileName, ct));
        if (!briefing.AutoApprove)
        {
            findings.Add(new Finding(FindingCode.ManualReviewRequired));
        }

        return findings;
    }

    /// <summary>After a reschedule: the findings that depend on the date, on the new date.</summary>
    public async Task<List<Finding>> RecheckDateAsync(Briefing briefing, Credential credential, CancellationToken ct) =>
        (await CheckCredentialAsync(briefing, credential, credential.HolderName, ct)).Where(f => DateDependent.Contains(f.Code)).ToList();

    /// <summary>What the credential itself says about attending this briefing on its date.</summary>
    public async Task<List<Finding>> CheckCredentialAsync(Briefing briefing, Credential credential, string profileName, CancellationToken ct)
    {
        var findings = new List<Finding>();
        var date = VietnamTime.LocalDate(briefing.StartsAt);
        if (credential.BlockedAt is not null)
        {
            findings.Add(new Finding(FindingCode.CredentialBlocked));
        }

        var outlet = credential.OutletId is { } outletId
            ? await db.Outlets.Include(o => o.Aliases).FirstOrDefaultAsync(o => o.Id == outletId, ct)
            : (await OutletDirectory.FindByNameAsync(db, credential.OutletName, ct))?.Outlet;
        if (outlet is null)
        {
            findings.Add(new Finding(FindingCode.OutletUnknown, credential.OutletName));
        }
        else
        {
            switch (outlet.StatusOn(date))
            {
                case OutletStatus.Suspended:
                    findings.Add(new Finding(FindingCode.OutletSuspended, outlet.Name));
                    break;
                case OutletStatus.Revoked:
                    findings.Add(new Finding(FindingCode.OutletRevoked, outlet.Name));
                    break;
            }

            if (OutletDirectory.AliasFor(outlet, credential.OutletName) is { } alias)
            {
                findings.Add(new Finding(FindingCode.OutletMatchedByAlias, alias, outlet.Name));
            }
        }

        if (credential.Type == CredentialType.PressCard)
        {
            await CheckCardAsync(credential, date, findings, ct);
        }
        else
        {
            CheckLetter(briefing, credential, date, findings);
        }

        findings.AddRange(CompareNames(credential.HolderName, profileName));
        return findings;
    }

    private async Task CheckCardAsync(Credential card, DateOnly date, List<Finding> findings, CancellationToken ct)
    {
        var number = CardRevocation.NormalizeNumber(card.Number);
        // A revocation takes effect on its date: a card still counts for a briefing held before it.
        if (await db.CardRevocations.AsNoTracking().FirstOrDefaultAsync(r => r.Number == number && r.RevokedOn <= date, ct) is { } revocation)
        {
            findings.Add(new Finding(FindingCode.CardRevoked, Day(revocation.RevokedOn)));
        }

        var settings = options.Value;
        var oldSeries = card.IssuedOn < settings.NewSeriesStartsOn;
        if (oldSeries && date > settings.CardSeriesCutOff)
        {
            findings.Add(new Finding(FindingCode.CardSeriesCutOff, Day(settings.CardSeriesCutOff)));
            return;
        }

        // A 2021–2025 card printed to the end of 2025 stays valid up to the cut-off; one that expired earlier does not.
        var printedSeriesEnd = settings.NewSeriesStartsOn.AddDays(-1);
        var validUntil = oldSeries && card.ExpiresOn >= printedSeriesEnd ? settings.CardSeriesCutOff : card.ExpiresOn!.Value;
        if (validUntil < date)
        {
            findings.Add(new Finding(FindingCode.CardExpired, Day(card.ExpiresOn!.Value)));
        }
    }

    private void CheckLetter(Briefing briefing, Credential letter, DateOnly date, List<Finding> findings)
    {
        if (!SameAgency(letter.AddressedTo, briefing.HostAgency))
        {
            findings.Add(new Finding(FindingCode.LetterWrongAgency, letter.AddressedTo, briefing.HostAgency));
        }

        if (date < letter.ValidFrom || date > letter.ValidUntil)
        {
            findings.Add(new Finding(FindingCode.LetterNotValidOnDate, Day(letter.ValidFrom!.Value), Day(letter.ValidUntil!.Value)));
        }

        if (string.IsNullOrWhiteSpace(letter.Purpose))
        {
            findings.Add(new Finding(FindingCode.LetterContentMissing));
        }
    }

    /// <summary>The same agency: equal once folded, or both in one configured group of names for it.</summary>
    public bool SameAgency(string? addressedTo, string hostAgency)
    {
        var (a, b) = (TextKey.Fold(addressedTo), TextKey.Fold(hostAgency));
        if (a.Length == 0)
        {
            return false;
        }

        if (a == b)
        {
            return true;
        }

        var groups = options.Value.AgencyAliases.Count > 0 ? options.Value.AgencyAliases : [.. AccreditationOptions.DefaultAgencyAliases];
        return groups.Select(g => g.Split('|').Select(TextKey.Fold).ToHashSet(StringComparer.Ordinal)).Any(g => g.Contains(a) && g.Contains(b));
    }

    /// <summary>
    /// Names match after NFC, case and spacing; without diacritics only where one side has none (then a person
    /// looks); "Hương" and "Hường" differ when both carry their marks.
    /// </summary>
    public static IEnumerable<Finding> CompareNames(string holderName, string profileName)
    {
        var (holder, profile) = (TextKey.Normalize(holderName), TextKey.Normalize(profileName));
        if (holder.Length > 0 && holder == profile)
        {
            yield break;
        }

        if (holder.Length > 0 && TextKey.Fold(holder) == TextKey.Fold(profile) && (!TextKey.HasDiacritics(holder) || !TextKey.HasDiacritics(profile)))
        {
            yield return new Finding(FindingCode.NameMatchesWithoutDiacritics, holderName.Trim(), profileName.Trim());
            yield break;
        }

        yield return new Finding(FindingCode.NameMismatch, holderName.Trim(), profileName.Trim());
    }

    private static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}

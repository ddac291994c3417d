using System.Security.Claims;
using PressConference.Api.Outlets;

namespace PressConference.Api.Accreditation;

/// <summary>A stored file opened for reading, with the type its bytes showed and the name to offer it under.</summary>
public sealed record FileDownload(Stream Content, string? ContentType, string FileName);

/// <summary>A credential as added: the new one, or the owner's card with that number when it was there already (a repeat adds nothing).</summary>
public sealed record AddedCredential(Credential Credential, bool AlreadyAdded);

/// <summary>
/// A reporter's press cards and introduction letters. Photo-ID numbers and scans are for the owner and organizers only:
/// to anyone else a credential does not exist (<see cref="FindVisibleAsync"/>).
/// </summary>
public sealed class ReporterCredentials(AppDbContext db, FileStore files, TimeProvider clock)
{
    public async Task<List<CredentialResponse>> MineAsync(ClaimsPrincipal owner, CancellationToken ct)
    {
        var userId = owner.UserId();
        var credentials = await db.Credentials.AsNoTracking().Where(c => c.OwnerId == userId).OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
        return credentials.Select(CredentialResponse.From).ToList();
    }

    /// <summary>
    /// Adds a credential for its owner; the outlet is the one named by id, else the one whose name or former name was
    /// given. A press card whose number the owner already added is answered with that card
    /// (<see cref="AddedCredential.AlreadyAdded"/>): the same card sent twice is one card. Decided under the write lock
    /// (BEGIN IMMEDIATE on SQLite), so two identical requests at the same instant add it once.
    /// </summary>
    public async Task<Outcome<AddedCredential>> AddAsync(CredentialRequest request, ClaimsPrincipal owner, CancellationToken ct)
    {
        Outlet? outlet = null;
        if (request.OutletId is { } outletId)
        {
            outlet = await db.Outlets.FindAsync([outletId], ct);
            if (outlet is null)
            {
                return Refusal.Invalid("outletId", Texts.Get("credential.outletNotFound"));
            }
        }
        else if (await OutletDirectory.FindByNameAsync(db, request.OutletName, ct) is { } match)
        {
            outlet = match.Outlet;
        }

        var card = request.Type == CredentialType.PressCard;
        var ownerId = owner.UserId()!;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (card)
        {
            var number = CardRevocation.NormalizeNumber(request.Number);
            var existing = await db.Credentials.AsNoTracking()
                .FirstOrDefaultAsync(c => c.OwnerId == ownerId && c.Type == CredentialType.PressCard && c.Number == number, ct);
            if (existing is not null)
            {
                return new AddedCredential(existing, AlreadyAdded: true);
            }
        }

        var credential = new Credential
        {
            OwnerId = ownerId,
            Type = request.Type!.Value,
            OutletId = outlet?.Id,
            OutletName = Clean(request.OutletName) ?? outlet!.Name,
            HolderName = (card ? request.HolderName : request.ReporterName)!.Trim(),
            PenName = Clean(request.PenName),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (card)
        {
            credential.Number = CardRevocation.NormalizeNumber(request.Number);
            credential.BirthYear = request.BirthYear;
            credential.IssuedOn = request.IssuedOn;
            credential.ExpiresOn = request.ExpiresOn;
        }
        else
        {
            credential.LetterNumber = request.LetterNumber!.Trim();
            credential.LetterDate = request.LetterDate;
            credential.Position = Clean(request.Position);
            credential.AddressedTo = request.AddressedTo!.Trim();
            credential.Purpose = Clean(request.Purpose);
            credential.ValidFrom = request.ValidFrom;
            credential.ValidUntil = request.ValidUntil;
            credential.SignerName = request.SignerName!.Trim();
            credential.SignerTitle = request.SignerTitle!.Trim();
            credential.PhotoIdNumber = request.PhotoIdNumber!.Trim().ToUpperInvariant();
        }

        db.Credentials.Add(credential);
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return new AddedCredential(credential, AlreadyAdded: false);
    }

    /// <summary>The owner and organizers only; null to anyone else.</summary>
    public Task<Credential?> FindVisibleAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId();
        var organizer = user.IsOrganizer();
        return db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && (organizer || c.OwnerId == userId), ct);
    }

    /// <summary>The owner's own credential, tracked for a change; null when it is not theirs.</summary>
    public Task<Credential?> FindOwnAsync(Guid id, ClaimsPrincipal owner, CancellationToken ct)
    {
        var userId = owner.UserId();
        return db.Credentials.FirstOrDefaultAsync(c => c.Id == id && c.OwnerId == userId, ct);
    }

    /// <summary>Keeps a stored scan with the credential (from <see cref="FindOwnAsync"/>); the scan it replaces goes, and the new file goes if the save fails.</summary>
    public async Task AttachScanAsync(Credential credential, StoredUpload stored, CancellationToken ct)
    {
        var replaced = credential.ScanFile;
        credential.ScanFile = stored.StoredName;
        credential.ScanContentType = stored.ContentType;
        credential.ScanSize = stored.Size;
        await files.KeepIfSavedAsync(stored, () => db.SaveChangesAsync(ct));
        files.Delete(replaced);
    }

    /// <summary>The scan of a credential the user may see; null when there is none (or the file is gone).</summary>
    public async Task<FileDownload?> OpenScanAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var credential = await FindVisibleAsync(id, user, ct);
        return credential?.ScanFile is not null && files.OpenRead(credential.ScanFile) is { } stream
            ? new FileDownload(stream, credential.ScanContentType, $"scan-{credential.Id:N}{Path.GetExtension(credential.ScanFile)}")
            : null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

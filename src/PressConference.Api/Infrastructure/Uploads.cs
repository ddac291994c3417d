using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace PressConference.Api.Infrastructure;

/// <summary>Where uploaded scans and evidence live (outside the database) and how large one may be.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    [Required, MaxLength(1000)]
    public string Folder { get; set; } = "App_Data/uploads";

    [Range(1024, 100L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;
}

/// <summary>A stored file: its random name on disk, the type its bytes showed, its size and fingerprint, and the name it came with.</summary>
public sealed record StoredUpload(string StoredName, string ContentType, long Size, string OriginalName, string Sha256);

/// <summary>
/// Keeps uploaded PDF, JPEG and PNG files on disk under random names. The type is read from the first bytes, never
/// from the file name or the declared content type, so a renamed executable is refused.
/// </summary>
public sealed class FileStore
{
    private static readonly (string ContentType, string Extension, byte[] Magic)[] Allowed =
    [
        ("application/pdf", ".pdf", "%PDF-"u8.ToArray()),
        ("image/jpeg", ".jpg", [0xFF, 0xD8, 0xFF]),
        ("image/png", ".png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    ];

    private readonly string _folder;

    public FileStore(IOptions<UploadOptions> options, IWebHostEnvironment environment)
    {
        MaxBytes = options.Value.MaxBytes;
        _folder = Path.IsPathRooted(options.Value.Folder)
            ? options.Value.Folder
            : Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Folder));
    }

    public long MaxBytes { get; }

    /// <summary>What a request carrying one file may weigh: the file plus the multipart framing around it.</summary>
    public long MaxRequestBytes => MaxBytes + 64 * 1024;

    /// <summary>Stores the first file of a multipart form; a problem when there is none, it is too large or of a refused type.</summary>
    public async Task<(StoredUpload? File, ProblemHttpResult? Problem)> SaveAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return (null, Problems.Problem(StatusCodes.Status400BadRequest, "FileMissing", Texts.Get("upload.missing")));
        }

        var form = await request.ReadFormAsync(ct);
        var file = form.Files.Count > 0 ? form.Files[0] : null;
        if (file is null || file.Length == 0)
        {
            return (null, Problems.Problem(StatusCodes.Status400BadRequest, "FileMissing", Texts.Get("upload.missing")));
        }

        if (file.Length > MaxBytes)
        {
            return (null, Problems.Problem(StatusCodes.Status413PayloadTooLarge, "FileTooLarge", Texts.Get("upload.tooLarge", MaxBytes / (1024 * 1024))));
        }

        await using var input = file.OpenReadStream();
        var head = new byte[8];
        var read = await input.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var type = Allowed.FirstOrDefault(a => read >= a.Magic.Length && head.AsSpan(0, a.Magic.Length).SequenceEqual(a.Magic));
        if (type.ContentType is null)
        {
            return (null, Problems.Problem(StatusCodes.Status415UnsupportedMediaType, "UnsupportedFileType", Texts.Get("upload.type")));
        }

        Directory.CreateDirectory(_folder);
        var storedName = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant() + type.Extension;
        input.Position = 0;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var output = new FileStream(Path.Combine(_folder, storedName), FileMode.CreateNew, FileAccess.Write))
        {
            var buffer = new byte[81920];
            int n;
            while ((n = await input.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, n);
                await output.WriteAsync(buffer.AsMemory(0, n), ct);
            }
        }

        var original = Path.GetFileName(file.FileName ?? string.Empty);
        original = original.Length > 200 ? original[..200] : original;
        return (new StoredUpload(storedName, type.ContentType, file.Length, original, Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant()), null);
    }

    /// <summary>Opens a stored file by the name <see cref="SaveAsync"/> gave it; null when it is gone.</summary>
    public Stream? OpenRead(string storedName)
    {
        var path = PathOf(storedName);
        return path is not null && File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read) : null;
    }

    /// <summary>Saves the database change that refers to a file just stored; if that fails, the file goes too (no orphan scan).</summary>
    public async Task KeepIfSavedAsync(StoredUpload file, Func<Task> save)
    {
        try
        {
            await save();
        }
        catch
        {
            Delete(file.StoredName);
            throw;
        }
    }

    public void Delete(string? storedName)
    {
        if (storedName is not null && PathOf(storedName) is { } path && File.Exists(path))
        {
            File.Delete(path);
        }
    }

    // Stored names are ours (hex + extension, no separators); anything else never reaches the file system.
    private string? PathOf(string storedName) =>
        storedName.Length is > 4 and < 64 && storedName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '.') ? Path.Combine(_folder, storedName) : null;
}

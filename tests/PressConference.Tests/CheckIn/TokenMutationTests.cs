using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using PressConference.Api.Data;
using PressConference.Api.Passes;
using PressConference.Tests.Support;

namespace PressConference.Tests.CheckIn;

public sealed class TokenMutationTests : PassTest
{
    [Test]
    public async Task Thousands_of_mutated_tokens_are_all_refused_by_the_verifier_and_a_sample_through_the_door()
    {
        var briefing = await Data.BriefingAsync(Data.NextDay());
        var point = (await Data.RemotePointAsync(briefing.Id)).Id;
        var pass = await IssueAsync(briefing.Id, point);
        var other = await IssueAsync(briefing.Id, reporterName: "Bùi Thị Thu");
        var mutants = Mutants(pass.Token, other.PassId).ToList();
        Assert.That(mutants, Has.Count.GreaterThan(3000));
        Assert.That(mutants.Select(m => m.Token), Has.None.EqualTo(pass.Token));

        var (checks, valid) = await InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var keys = services.GetRequiredService<PassKeyRing>();
            var counts = new Dictionary<TokenCheck, int>();
            var accepted = new List<string>();
            foreach (var (kind, token) in mutants)
            {
                var (check, _) = await keys.VerifyAsync(db, token, CancellationToken.None);
                counts[check] = counts.GetValueOrDefault(check) + 1;
                if (check == TokenCheck.Valid)
                {
                    accepted.Add($"{kind}: {token}");
                }
            }

            var (original, _) = await keys.VerifyAsync(db, pass.Token, CancellationToken.None);
            Assert.That(original, Is.EqualTo(TokenCheck.Valid), "the unmutated token passes, so the refusals mean something");
            return (counts, accepted);
        });
        Assert.That(valid, Is.Empty);
        Assert.That(checks.Keys, Is.SupersetOf(new[] { TokenCheck.Malformed, TokenCheck.UnknownKey, TokenCheck.InvalidSignature }));
        TestContext.Out.WriteLine(string.Join(", ", checks.Select(c => $"{c.Key}: {c.Value}")));

        DoorsOpen(briefing);
        var door = await DoorAsync();
        var random = new Random(45);
        foreach (var (kind, token) in mutants.OrderBy(_ => random.Next()).Take(80))
        {
            var scan = await ScanAsync(door, token, remotePointId: point);
            Assert.That(scan.Str("result"), Is.EqualTo("Refused"), kind);
            Assert.That(scan.Str("reason"), Is.AnyOf("Malformed", "UnknownKey", "InvalidSignature"), kind);
        }

        Assert.That((await ScanAsync(door, pass.Token, remotePointId: point)).Str("result"), Is.EqualTo("Admitted"));
    }

    /// <summary>Flipped bits, truncations, extensions, changed characters, and tokens re-signed with a key that is not ours.</summary>
    private static IEnumerable<(string Kind, string Token)> Mutants(string token, Guid otherPassId)
    {
        var bytes = Base45.Decode(token);
        var random = new Random(9285);
        for (var bit = 0; bit < bytes.Length * 8; bit++)
        {
            var copy = (byte[])bytes.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            yield return ($"bit {bit} flipped", Base45.Encode(copy));
        }

        for (var i = 0; i < 500; i++)
        {
            var copy = (byte[])bytes.Clone();
            for (var n = random.Next(2, 8); n > 0; n--)
            {
                copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
            }

            if (!copy.SequenceEqual(bytes))
            {
                yield return ("bytes scrambled", Base45.Encode(copy));
            }
        }

        for (var length = 0; length < token.Length; length++)
        {
            yield return ($"truncated to {length}", token[..length]);
        }

        yield return ("one byte short", Base45.Encode(bytes.AsSpan(0, bytes.Length - 1)));
        yield return ("one byte more", Base45.Encode([.. bytes, 0]));
        yield return ("padded", token + "00");
        yield return ("lower case", token.ToLowerInvariant());

        for (var i = 0; i < 1200; i++)
        {
            var chars = token.ToCharArray();
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                var at = random.Next(chars.Length);
                var replacement = Base45.Alphabet[random.Next(Base45.Alphabet.Length)];
                chars[at] = replacement == chars[at] ? Base45.Alphabet[(Base45.Alphabet.IndexOf(replacement, StringComparison.Ordinal) + 1) % 45] : replacement;
            }

            yield return ("characters changed", new string(chars));
        }

        PassTokenFormat.TryRead(token, out var payload, out var signed, out _);
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        for (var i = 0; i < 200; i++)
        {
            yield return ("re-signed as is with another key", PassTokenFormat.Compose(signed, Sign(signed, stranger)));
        }

        var altered = new PassTokenPayload[]
        {
            payload with { ValidUntil = payload.ValidUntil.AddDays(30) },
            payload with { ValidFrom = payload.ValidFrom.AddDays(-1) },
            payload with { PassId = otherPassId },
            payload with { PassId = Guid.CreateVersion7() },
            payload with { BriefingId = Guid.CreateVersion7() },
            payload with { LocationTag = 0 },
            payload with { KeyId = (ushort)(payload.KeyId + 1) },
            payload with { KeyId = 65535 },
        };
        foreach (var forged in altered)
        {
            for (var i = 0; i < 50; i++)
            {
                var body = PassTokenFormat.WritePayload(forged);
                yield return ($"altered ({forged}) and re-signed with another key", PassTokenFormat.Compose(body, Sign(body, stranger)));
            }
        }
    }

    private static byte[] Sign(byte[] payload, ECDsa key) =>
        key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
}

using System.Text;
using PressConference.Api.Passes;

namespace PressConference.Tests.Passes;

public sealed class Base45Tests
{
    // RFC 9285 section 4.3 and 4.4.
    [TestCase("AB", "BB8")]
    [TestCase("Hello!!", "%69 VD92EX0")]
    [TestCase("base-45", "UJCLQE7W581")]
    [TestCase("ietf!", "QED8WEX0")]
    [TestCase("", "")]
    public void The_examples_of_RFC_9285_encode_and_decode(string text, string encoded)
    {
        Assert.That(Base45.Encode(Encoding.ASCII.GetBytes(text)), Is.EqualTo(encoded));
        Assert.That(Encoding.ASCII.GetString(Base45.Decode(encoded)), Is.EqualTo(text));
    }

    [TestCase("GGW", TestName = "A triple above 65535 is refused (RFC 9285 section 6)")]
    [TestCase("ZZ", TestName = "A final pair above 255 is refused")]
    [TestCase("BB8A", TestName = "A length of 3n+1 is refused")]
    [TestCase("bb8", TestName = "Lower case is outside the alphabet")]
    [TestCase("BB#", TestName = "Punctuation outside the alphabet is refused")]
    [TestCase("BBĐ", TestName = "A non-ASCII character is refused")]
    public void Strings_that_are_not_Base45_are_refused(string text)
    {
        Assert.That(Base45.TryDecode(text, out _), Is.False);
        Assert.Throws<FormatException>(() => Base45.Decode(text));
    }

    [Test]
    public void Any_bytes_round_trip_and_use_only_the_QR_alphanumeric_characters()
    {
        var random = new Random(9285);
        for (var length = 0; length < 300; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            var text = Base45.Encode(bytes);
            Assert.That(text.Length, Is.EqualTo(Base45.EncodedLength(length)));
            Assert.That(text.All(c => Base45.Alphabet.Contains(c, StringComparison.Ordinal)), Is.True);
            Assert.That(Base45.Decode(text), Is.EqualTo(bytes));
        }

        Assert.That(Base45.Encode([0xFF, 0xFF]), Is.EqualTo("FGW"), "the largest pair");
        Assert.That(Base45.Decode("FGW"), Is.EqualTo(new byte[] { 0xFF, 0xFF }));
    }
}

public sealed class TrimSafetyTests
{
    [Test]
    public void No_token_of_a_usable_key_id_begins_or_ends_with_a_space_so_trimming_it_is_harmless()
    {
        var random = new Random(173);
        var usable = Enumerable.Range(1, ushort.MaxValue).Where(PassTokenFormat.IsTrimSafe).ToList();
        Assert.That(usable, Has.Count.GreaterThan(60000));
        Assert.That(PassTokenFormat.IsTrimSafe(1280), Is.False, "high byte 5 would start tokens with a space");
        foreach (var kid in usable.Where((_, i) => i % 97 == 0))
        {
            var payload = PassTokenFormat.WritePayload((ushort)kid, Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(),
                new DateTime(2026, 12, 24, 7, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 24, 9, 30, 0, DateTimeKind.Utc));
            var signature = new byte[64];
            random.NextBytes(signature);
            var token = PassTokenFormat.Compose(payload, signature);
            Assert.That(token, Is.EqualTo(token.Trim()), $"kid {kid}");
        }
    }
}

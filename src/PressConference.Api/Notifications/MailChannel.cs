using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PressConference.Api.Notifications;

/// <summary>Where e-mail goes: an SMTP server, or .eml files in a pickup directory when no host is set.</summary>
public interface IMailChannel
{
    /// <summary>One session per dispatcher batch, so a batch reuses one SMTP connection.</summary>
    IMailSession Open();
}

public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

internal sealed class MailChannel(IOptions<NotificationOptions> options, IHostEnvironment environment) : IMailChannel
{
    public IMailSession Open()
    {
        var settings = options.Value;
        return string.IsNullOrWhiteSpace(settings.Smtp.Host)
            ? new PickupSession(Path.GetFullPath(Path.Combine(environment.ContentRootPath, settings.PickupDirectory)))
            : new SmtpSession(settings.Smtp);
    }

    /// <summary>MailKit over SMTP; connects on the first message and again after a failure.</summary>
    private sealed class SmtpSession(SmtpOptions smtp) : IMailSession
    {
        private SmtpClient? _client;

        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            try
            {
                if (_client is null)
                {
                    var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
                    _client = client;
                    await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security switch
                    {
                        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                        _ => SecureSocketOptions.None,
                    }, ct);
                    if (!string.IsNullOrEmpty(smtp.UserName))
                    {
                        await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, ct);
                    }
                }

                // Not cancelled by a shutdown once started: an interrupted DATA is discarded by the server and would only
                // waste an attempt. The client's Timeout bounds a stuck server.
                await _client.SendAsync(message, CancellationToken.None);
            }
            catch
            {
                await DropAsync();
                throw;
            }
        }

        private async Task DropAsync()
        {
            if (_client is { } client)
            {
                _client = null;
                try
                {
                    if (client.IsConnected)
                    {
                        await client.DisconnectAsync(quit: false);
                    }
                }
                catch (Exception e) when (e is IOException or SmtpProtocolException or InvalidOperationException)
                {
                    // Already broken: nothing more to close.
                }

                client.Dispose();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client is { IsConnected: true } client)
            {
                try
                {
                    await client.DisconnectAsync(quit: true);
                }
                catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException)
                {
                    // The messages are sent; a failed QUIT changes nothing.
                }
            }

            _client?.Dispose();
        }
    }

    /// <summary>
    /// One file per message, named after its Message-ID and moved into place whole: sending the same row twice
    /// overwrites the same file instead of leaving a second copy.
    /// </summary>
    private sealed class PickupSession(string directory) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            Directory.CreateDirectory(directory);
            var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
            var target = Path.Combine(directory, name + ".eml");
            var temporary = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
            await message.WriteToAsync(temporary, ct);
            File.Move(temporary, target, overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

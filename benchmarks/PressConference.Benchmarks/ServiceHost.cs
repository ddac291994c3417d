using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PressConference.Benchmarks;

/// <summary>
/// Runs the service's own entry point (Program.cs, unchanged) in this process on Kestrel, and catches the host it
/// builds through the hosting diagnostic event, to read the bound address and to stop it.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly TaskCompletionSource<IHost> _built = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IDisposable> _subscriptions = [];
    private Task _run = Task.CompletedTask;

    private ServiceHost()
    {
    }

    public IHost Host { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public static async Task<ServiceHost> StartAsync(string[] args, TimeSpan timeout)
    {
        var service = new ServiceHost();
        service._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(service));
        var entry = typeof(PressConference.Api.Passes.Base45).Assembly.EntryPoint
            ?? throw new InvalidOperationException("PressConference.Api has no entry point.");
        service._run = Task.Factory.StartNew(() =>
        {
            var result = entry.Invoke(null, [args]);
            if (result is Task task)
            {
                task.GetAwaiter().GetResult();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var first = await Task.WhenAny(service._built.Task, service._run, Task.Delay(timeout));
        if (first != service._built.Task)
        {
            await service._run.WaitAsync(TimeSpan.FromSeconds(1)).ContinueWith(_ => { }, TaskScheduler.Default);
            throw new InvalidOperationException("The service did not build its host.", service._run.Exception);
        }

        service.Host = service._built.Task.Result;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lifetime = service.Host.Services.GetRequiredService<IHostApplicationLifetime>();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            first = await Task.WhenAny(started.Task, service._run, Task.Delay(timeout));
            if (first != started.Task)
            {
                throw new InvalidOperationException("The service did not start.", service._run.Exception);
            }
        }

        var addresses = service.Host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        service.Address = new Uri(addresses.First());
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            Host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        }

        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or System.Reflection.TargetInvocationException)
        {
            Console.Error.WriteLine($"service stop: {e.GetType().Name}: {e.Message}");
        }

        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.Extensions.Hosting")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == "HostBuilt" && value.Value is IHost host)
        {
            _built.TrySetResult(host);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}

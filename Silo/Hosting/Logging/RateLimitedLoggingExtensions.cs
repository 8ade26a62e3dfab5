using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Actors.Silo.Hosting.Logging;

/// <summary>Registers the console log behind <see cref="RateLimitedLoggerProvider"/>.</summary>
public static class RateLimitedLoggingExtensions
{
    /// <summary>Replaces the console logger provider with the same provider behind a per-message-kind budget.</summary>
    public static ILoggingBuilder AddRateLimitedConsole(this ILoggingBuilder logging)
    {
        logging.AddConsole();
        logging.Services.RemoveAll<ILoggerProvider>();
        logging.Services.AddSingleton<ILoggerProvider>(sp =>
            new RateLimitedLoggerProvider(ActivatorUtilities.CreateInstance<ConsoleLoggerProvider>(sp), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return logging;
    }
}

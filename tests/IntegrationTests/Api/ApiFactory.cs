using Actors.Grains;
using Actors.Grains.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.TestingHost;

namespace Actors.IntegrationTests.Api;

/// <summary>The real HTTP pipeline of the Web API, its Orleans client talking to an in-process test cluster.</summary>
public sealed class ApiFactory : WebApplicationFactory<Actors.WebApi.Hosting.ApiSettings>, IAsyncLifetime
{
    /// <summary>The test cluster (memory storage and reminders, the real grains).</summary>
    public TestCluster Cluster { get; private set; } = null!;

    /// <summary>API keys to require; none by default.</summary>
    public string[] ApiKeys { get; init; } = [];

    /// <summary>A smaller body limit for the 413 test.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <inheritdoc />
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Actors:ClusterId", Cluster.Options.ClusterId);
        builder.UseSetting("Actors:ServiceId", Cluster.Options.ServiceId);
        builder.UseSetting("Actors:GatewayEndpoints:0", Cluster.Silos[0].GatewayAddress.Endpoint.ToString());
        builder.UseSetting("Actors:Api:MaxRequestBodyBytes", MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < ApiKeys.Length; i++)
        {
            builder.UseSetting($"Actors:Api:ApiKeys:{i}", ApiKeys[i]);
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(StorageNames.Default, o => o.GrainStorageSerializer = new JsonGrainStorageSerializer());
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            siloBuilder.AddDashboard();
            siloBuilder.ConfigureServices(services => services.AddActorsGrains());
        }
    }
}

/// <summary>API test classes share one factory and cluster.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    /// <summary>The collection name.</summary>
    public const string Name = "api";
}

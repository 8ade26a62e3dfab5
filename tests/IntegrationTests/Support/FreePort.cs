using System.Net;
using System.Net.Sockets;

namespace Actors.IntegrationTests.Support;

/// <summary>Free loopback TCP ports.</summary>
public static class FreePort
{
    private static readonly HashSet<int> Given = [];

    /// <summary>
    /// A port nothing listens on right now and that this test run has not handed out before: the
    /// operating system may offer a port again once its probe closed, and a silo's gateway that got
    /// the port a Web API was given (and had not bound yet) kept that Web API from starting.
    /// </summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (Given)
            {
                if (Given.Add(port))
                {
                    return port;
                }
            }
        }
    }
}

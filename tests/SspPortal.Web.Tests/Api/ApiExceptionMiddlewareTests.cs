using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using SspPortal.Web.Api;

namespace SspPortal.Web.Tests.Api;

public sealed class ApiExceptionMiddlewareTests
{
    [Fact]
    public async Task Invoke_WritesContract500Body_WhenEndpointThrows()
    {
        var middleware = new ApiExceptionMiddleware(_ => throw new InvalidOperationException("boom"), NullLogger<ApiExceptionMiddleware>.Instance);
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        await middleware.InvokeAsync(context);

        Assert.Equal(500, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        Assert.Equal(
            """{"statusCode":500,"error":"Internal Server Error","message":"An internal error occurred. Please try again later."}""",
            await new StreamReader(context.Response.Body).ReadToEndAsync()
        );
    }

    [Fact]
    public async Task Invoke_WritesContract400Body_WhenServerRejectsTheRequest()
    {
        var middleware = new ApiExceptionMiddleware(
            _ => throw new BadHttpRequestException("bad", StatusCodes.Status413PayloadTooLarge),
            NullLogger<ApiExceptionMiddleware>.Instance
        );
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        await middleware.InvokeAsync(context);

        Assert.Equal(413, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        Assert.Equal(
            """{"statusCode":413,"error":"Payload Too Large","message":"The request could not be read.","errorCode":"invalid_body"}""",
            await new StreamReader(context.Response.Body).ReadToEndAsync()
        );
    }
}

// A bare Kestrel minimal endpoint answering a constant JSON body of a profile's size: the benchmarks' ceiling.
// The body is read once from the file named by BENCH_BASELINE_BODY (a real profile response captured by the bench),
// or a built-in profile-shaped document.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var bodyFile = Environment.GetEnvironmentVariable("BENCH_BASELINE_BODY");
var body = !string.IsNullOrEmpty(bodyFile) && File.Exists(bodyFile)
    ? await File.ReadAllBytesAsync(bodyFile)
    : """{"id":"ssp_0000000000000000000000","name":"Baseline profile","description":"A constant document","user_attributes":[{"name":"email","description":"Email","is_optional":false}],"allowed_strategies":["oidc","samlp","waad","google-apps","adfs","okta","keycloak-samlp","pingfederate"],"created_at":"2026-01-01T00:00:00.000Z","updated_at":"2026-01-01T00:00:00.000Z"}"""u8.ToArray();

app.MapGet("/profile", () => Results.Bytes(body, "application/json; charset=utf-8"));
await app.RunAsync();

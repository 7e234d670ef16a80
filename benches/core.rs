//! Benchmarks of the core: endpoint parsing, the Public Suffix List
//! (cold and warm), analysis with 1/3/20/200 endpoints, template rendering, plan + diff,
//! and one TUI keystroke (update + full frame into a 120×40 `TestBackend`).
//!
//! `cargo bench --bench core`; one group: `cargo bench --bench core -- analysis`.
//! The whole-binary budgets are timed by `scripts/bench`.

use std::hint::black_box;
use std::path::Path;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use st_setup::analysis::{DomainInput, analyse};
use st_setup::answers::{Answers, Lang, Ui};
use st_setup::endpoint::Endpoint;
use st_setup::generate::generate;
use st_setup::plan::{PlannedFile, write_all};
use st_setup::psl::{EMBEDDED, PublicSuffixList};
use st_setup::render::{EnvValues, FileValues, render};
use st_setup::target::{GoFramework, GoSetup, Language, PythonFramework, Role, Syntax, Target};
use st_setup::tui::app::{Action, Model};
use st_setup::tui::view::{Theme, draw};

/// `n` endpoints under one registrable domain: the realistic case.
fn one_domain(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("https://api{i}.example.com"))
        .collect()
}

/// `n` endpoints spread over `n / 4` registrable domains and a few public suffixes
/// (`.com`, `.co.uk`, `.io`, `.vercel.app`): many PSL cache entries, one DifferentSites
/// finding listing every site.
fn many_domains(n: usize) -> Vec<String> {
    let suffixes = ["com", "co.uk", "io", "vercel.app"];
    (0..n)
        .map(|i| {
            let site = i / 4;
            let suffix = suffixes[site % suffixes.len()];
            format!("https://api{i}.site{site}.{suffix}")
        })
        .collect()
}

fn bench_endpoint(c: &mut Criterion) {
    let mut group = c.benchmark_group("endpoint_parse");
    for (name, input) in [
        ("bare_host", "api.example.com"),
        ("https_port_path", "https://api.example.com:8443/auth"),
        ("idn", "https://bücher.example.de"),
        ("ipv4", "http://127.0.0.1:3001"),
        ("localhost", "localhost:3000"),
        ("invalid", "https://exa mple.com"),
    ] {
        group.bench_with_input(BenchmarkId::from_parameter(name), input, |b, input| {
            b.iter(|| Endpoint::parse(black_box(input)))
        });
    }
    group.finish();
}

fn bench_psl(c: &mut Criterion) {
    let mut group = c.benchmark_group("psl");
    // What every process pays once before its first lookup.
    group.bench_function("embedded_new", |b| b.iter(PublicSuffixList::embedded));
    // The first lookup of a site: byte search of the list + parsing the matching rules.
    for host in ["api.example.com", "api.example.co.uk", "my-app.vercel.app"] {
        group.bench_with_input(BenchmarkId::new("cold_lookup", host), host, |b, host| {
            b.iter_batched(
                PublicSuffixList::embedded,
                |psl| {
                    black_box(psl.registrable_domain(black_box(host)).map(str::len));
                    psl
                },
                BatchSize::SmallInput,
            )
        });
    }
    // Every later lookup of the same site: the per-site cache.
    let psl = PublicSuffixList::embedded();
    for host in ["api.example.com", "api.example.co.uk", "my-app.vercel.app"] {
        psl.registrable_domain(host);
        group.bench_with_input(BenchmarkId::new("warm_lookup", host), host, |b, host| {
            b.iter(|| psl.registrable_domain(black_box(host)).map(str::len))
        });
    }
    // `--psl FILE`: the whole list checked and normalised.
    group.sample_size(20);
    group.bench_function("parse_whole_list", |b| {
        b.iter(|| PublicSuffixList::parse(black_box(EMBEDDED)).map(|p| p.version().len()))
    });
    group.finish();
}

fn bench_analysis(c: &mut Criterion) {
    let warm = PublicSuffixList::embedded();
    let website = Some("https://example.com");
    let mut group = c.benchmark_group("analysis");
    for (shape, n, apis) in [
        ("one_domain", 1, one_domain(1)),
        ("one_domain", 3, one_domain(3)),
        ("one_domain", 20, one_domain(20)),
        ("one_domain", 200, one_domain(200)),
        ("many_domains", 20, many_domains(20)),
        ("many_domains", 200, many_domains(200)),
    ] {
        let input = DomainInput {
            apis: &apis,
            auth_api: None,
            website,
            header: false,
            other_websites: &[],
        };
        // Throughput in endpoints, so criterion prints endpoints/s: a flat rate is linear.
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new(shape, n), &input, |b, input| {
            b.iter(|| analyse(black_box(input), &warm))
        });
    }
    // `st-setup domain a b c`: a fresh list, as in a new process.
    let apis = one_domain(3);
    let input = DomainInput {
        apis: &apis,
        auth_api: None,
        website,
        header: false,
        other_websites: &[],
    };
    group.throughput(Throughput::Elements(3));
    group.bench_function("cold_psl_one_domain/3", |b| {
        b.iter_batched(
            PublicSuffixList::embedded,
            |psl| {
                black_box(analyse(&input, &psl).cookie_domain);
                psl
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

/// A TypeScript file of `role`, as st-setup writes it in a project without a tsconfig.
fn ts(role: Role) -> Target {
    Target::js(role, Syntax::TYPESCRIPT)
}

fn bench_render(c: &mut Criterion) {
    let recipes = st_setup::recipe::Recipes::default_choice();
    let values = FileValues {
        app_name: "Acme",
        connection_uri: "http://localhost:3567",
        api_base_path: None,
        website_base_path: None,
        recipes: &recipes,
        header: false,
        keep_websites_list: false,
        environments: vec![EnvValues::only(
            "https://api.example.com",
            "https://example.com",
            Some(".example.com"),
            None,
            "The APIs api.example.com, api2.example.com and api3.example.com share example.com, so the session cookies are set for .example.com and sent to all of them.",
        )],
    };
    let mut group = c.benchmark_group("render");
    let python = Target {
        role: Role::Backend,
        language: Language::Python(PythonFramework::FastApi),
    };
    let go = Target {
        role: Role::Backend,
        language: Language::Go(GoSetup {
            package: "main".to_owned(),
            framework: GoFramework::NetHttp,
        }),
    };
    for (name, target) in [
        ("backend", ts(Role::Backend)),
        ("frontend-prebuilt", ts(Role::Frontend(Ui::Prebuilt))),
        ("frontend-custom", ts(Role::Frontend(Ui::Custom))),
        ("backend-python", python),
        ("backend-go", go),
    ] {
        group.bench_function(name, |b| b.iter(|| render(&target, black_box(&values))));
    }
    group.finish();
}

fn answers(apis: Vec<String>, app_name: &str) -> Answers {
    Answers {
        apis,
        website: Some("https://example.com".to_owned()),
        ui: Some(Ui::Prebuilt),
        app_name: Some(app_name.to_owned()),
        lang: Some(Lang::Ts),
        ..Answers::default()
    }
}

fn bench_plan(c: &mut Criterion) {
    let psl = PublicSuffixList::embedded();
    let mut group = c.benchmark_group("plan");

    // A fresh project: every file is created, the diff is the whole file.
    let fresh = tempfile::tempdir().expect("tempdir");
    let three = answers(one_domain(3), "Acme");
    group.bench_function("generate_and_diff/create", |b| {
        b.iter(|| {
            let outcome =
                generate(fresh.path(), black_box(&three), None, &psl, false).expect("generates");
            outcome.diff().len()
        })
    });

    // A project st-setup wrote before: the managed blocks are spliced into the files on
    // disk and the diff is a few lines.
    let existing = tempfile::tempdir().expect("tempdir");
    let first = generate(
        existing.path(),
        &answers(one_domain(2), "Acme"),
        None,
        &psl,
        false,
    )
    .expect("generates");
    write_all(&first.files).expect("writes");
    let changed = answers(one_domain(3), "Acme Corp");
    group.bench_function("generate_and_diff/update", |b| {
        b.iter(|| {
            let outcome = generate(
                existing.path(),
                black_box(&changed),
                Some(&first.saved),
                &psl,
                false,
            )
            .expect("generates");
            outcome.diff().len()
        })
    });

    // PlannedFile on its own: read + splice, then the unified diff.
    let backend = Path::new("backend/supertokens.ts");
    let rendered = generate(existing.path(), &changed, Some(&first.saved), &psl, false)
        .expect("generates")
        .files[0]
        .new
        .clone();
    group.bench_function("planned_file_new/update", |b| {
        b.iter_batched(
            || rendered.clone(),
            |text| {
                PlannedFile::new(
                    existing.path(),
                    backend,
                    Some(ts(Role::Backend)),
                    text,
                    false,
                )
                .expect("plans")
            },
            BatchSize::SmallInput,
        )
    });
    let planned = PlannedFile::new(
        existing.path(),
        backend,
        Some(ts(Role::Backend)),
        rendered.clone(),
        false,
    )
    .expect("plans");
    group.bench_function("diff/update", |b| b.iter(|| black_box(&planned).diff()));
    let created = PlannedFile::new(
        fresh.path(),
        backend,
        Some(ts(Role::Backend)),
        rendered,
        false,
    )
    .expect("plans");
    group.bench_function("diff/create", |b| b.iter(|| black_box(&created).diff()));
    group.finish();
}

fn bench_tui(c: &mut Criterion) {
    let psl = PublicSuffixList::embedded();
    let theme = Theme { colour: true };
    let prefilled = answers(one_domain(20), "Acme");
    let mut group = c.benchmark_group("tui");

    // What happens before the first frame, minus the terminal: model + analysis + draw.
    group.bench_function("first_frame/20_endpoints", |b| {
        b.iter_batched(
            || Terminal::new(TestBackend::new(120, 40)).expect("terminal"),
            |mut terminal| {
                let model = Model::new(
                    black_box(&prefilled),
                    Lang::Ts,
                    std::path::Path::new("."),
                    &psl,
                );
                terminal
                    .draw(|frame| draw(frame, &model, theme))
                    .expect("draws");
                terminal
            },
            BatchSize::SmallInput,
        )
    });

    // One keystroke in the first endpoint's field (cursor at its end): re-analysis of all
    // 20 endpoints, then a full frame. Iterations alternate typing a character and
    // deleting it, so the model stays the same size.
    let mut model = Model::new(&prefilled, Lang::Ts, std::path::Path::new("."), &psl);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal
        .draw(|frame| draw(frame, &model, theme))
        .expect("draws");
    let mut typed = false;
    group.bench_function("keystroke/20_endpoints", |b| {
        b.iter(|| {
            let action = if typed {
                Action::Backspace
            } else {
                Action::Insert('x')
            };
            typed = !typed;
            black_box(model.update(black_box(action)));
            let frame = terminal
                .draw(|frame| draw(frame, &model, theme))
                .expect("draws");
            black_box(frame.buffer.content.len());
        })
    });
    // The frame alone, no change: the floor of any keystroke.
    group.bench_function("redraw_only/20_endpoints", |b| {
        b.iter(|| {
            let frame = terminal
                .draw(|frame| draw(frame, black_box(&model), theme))
                .expect("draws");
            black_box(frame.buffer.content.len());
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    bench_endpoint,
    bench_psl,
    bench_analysis,
    bench_render,
    bench_plan,
    bench_tui
);
criterion_main!(benches);

// The home page's world map: missions per host country, drawn with d3-geo (Equal Earth) from
// world-atlas's Natural Earth 1:110m countries (all vendored under /static/vendor/; no tiles, no CDN).
(function () {
  "use strict";
  const target = document.getElementById("world-map");
  const rows = JSON.parse(document.getElementById("map-data").textContent);
  const byId = Object.fromEntries(rows.map((r) => [r.numeric, r]));
  const max = Math.max(1, ...rows.map((r) => r.missions));
  // sequential blues, light to dark (ColorBrewer Blues, 5 classes)
  const shades = ["#bdd7e7", "#6baed6", "#3182bd", "#08519c", "#08306b"];
  const shade = (n) => shades[Math.min(shades.length - 1, Math.floor((Math.log(n) / Math.log(max + 1)) * shades.length))];
  const NS = "http://www.w3.org/2000/svg";
  const svgEl = (tag, attrs) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    return e;
  };

  fetch("/static/vendor/countries-110m.json")
    .then((r) => r.json())
    .then((world) => {
      const width = 960, height = 470;
      const land = topojson.feature(world, world.objects.countries);
      const projection = d3.geoEqualEarth().fitSize([width, height], { type: "Sphere" });
      const path = d3.geoPath(projection);
      const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, class: "world", "aria-hidden": "true" });
      svg.append(svgEl("path", { d: path({ type: "Sphere" }), fill: "#f4f8fb", stroke: "#c8d3dc" }));
      for (const f of land.features) {
        const row = byId[f.id];
        const shape = svgEl("path", {
          d: path(f), class: row ? "country hosted" : "country", fill: row ? shade(row.missions) : "#e3e3e3",
          stroke: "#ffffff", "stroke-width": "0.5",
        });
        const title = svgEl("title", {});
        title.textContent = row ? `${row.name}: ${row.missions} mission${row.missions === 1 ? "" : "s"}` : (f.properties.name || "");
        shape.append(title);
        if (row) {
          const a = svgEl("a", { href: "/country/" + encodeURIComponent(row.alpha2), tabindex: "-1" });
          a.append(shape);
          svg.append(a);
        } else {
          svg.append(shape);
        }
      }
      target.replaceChildren(svg);
      target.dataset.drawn = String(land.features.length);
      target.dataset.hosted = String(land.features.filter((f) => byId[f.id]).length);
    })
    .catch((e) => { target.textContent = "The map could not be drawn: " + e; });
})();

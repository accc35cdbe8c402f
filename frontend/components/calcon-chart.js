// A Chart.js chart as a plain custom element: no npm build. Chart.js comes from its webjar (window.Chart);
// the data comes as JSON in the "config" attribute, already translated by the server. The element's light DOM
// holds the figures as a table (the text alternative), shown through the slot under the canvas.

// Okabe-Ito colours (told apart with the common colour-vision deficiencies) and, per style, a fill pattern, a
// point shape and a line dash, so that no series is told apart by colour alone.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const PATTERNS = ['solid', 'diagonal', 'dots', 'cross', 'horizontal', 'vertical', 'diagonal-back'];
const POINTS = ['circle', 'triangle', 'rect', 'crossRot', 'rectRot', 'star', 'cross'];
const DASHES = [[], [6, 3], [2, 2], [8, 3, 2, 3], [12, 4], [4, 4], [1, 3]];
// The lines (x1, y1, x2, y2) each pattern draws on its 8 × 8 tile.
const STROKES = {
    'diagonal': [[0, 8, 8, 0]],
    'diagonal-back': [[0, 0, 8, 8]],
    'cross': [[0, 8, 8, 0], [0, 0, 8, 8]],
    'horizontal': [[0, 4, 8, 4]],
    'vertical': [[4, 0, 4, 8]]
};

class CalconChart extends HTMLElement {
    static get observedAttributes() {
        return ['config'];
    }

    connectedCallback() {
        if (!this.shadowRoot) {
            const root = this.attachShadow({mode: 'open'});
            root.innerHTML = '<style>:host{display:flex;flex-direction:column;gap:4px}'
                + '.plot{position:relative;height:var(--calcon-chart-height,240px)}</style>'
                + '<div class="plot"><canvas role="img"></canvas></div><slot></slot>';
        }
        this.render();
    }

    attributeChangedCallback() {
        this.render();
    }

    disconnectedCallback() {
        if (this.chart) {
            this.chart.destroy();
            this.chart = null;
        }
    }

    render() {
        if (!this.shadowRoot || !this.getAttribute('config')) {
            return;
        }
        if (!window.Chart) {
            setTimeout(() => this.render(), 50);
            return;
        }
        const config = JSON.parse(this.getAttribute('config'));
        const canvas = this.shadowRoot.querySelector('canvas');
        canvas.setAttribute('aria-label', config.description);
        if (this.chart) {
            this.chart.destroy();
        }
        const line = config.type === 'line';
        const datasets = config.series.map(series => {
            const style = series.style % COLOURS.length;
            const colour = COLOURS[style];
            return {
                label: series.name,
                data: series.values,
                backgroundColor: line ? colour : this.fill(PATTERNS[style], colour),
                borderColor: colour,
                borderWidth: line ? 2 : 1,
                borderDash: DASHES[style],
                pointStyle: POINTS[style],
                pointRadius: series.pointsOnly ? 7 : 4,
                pointBackgroundColor: colour,
                showLine: line && !series.pointsOnly,
                stepped: config.stepped && !series.pointsOnly ? 'after' : false,
                spanGaps: true
            };
        });
        const plain = config.plain;
        this.chart = new window.Chart(canvas, {
            type: config.type,
            data: {labels: config.labels, datasets: datasets},
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                locale: config.locale,
                plugins: {
                    title: {display: true, text: config.title},
                    legend: {display: datasets.length > 1, labels: {usePointStyle: line}}
                },
                scales: {
                    x: {stacked: config.stacked},
                    y: {
                        stacked: config.stacked,
                        beginAtZero: !plain,
                        ticks: plain ? {precision: 0, callback: value => String(value)} : {precision: 0}
                    }
                }
            }
        });
    }

    fill(pattern, colour) {
        if (pattern === 'solid') {
            return colour;
        }
        const tile = document.createElement('canvas');
        tile.width = 8;
        tile.height = 8;
        const ctx = tile.getContext('2d');
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, 8, 8);
        ctx.strokeStyle = colour;
        ctx.fillStyle = colour;
        ctx.lineWidth = 2;
        ctx.beginPath();
        if (pattern === 'dots') {
            ctx.arc(4, 4, 2, 0, 2 * Math.PI);
            ctx.fill();
        }
        for (const [x1, y1, x2, y2] of STROKES[pattern] || []) {
            ctx.moveTo(x1, y1);
            ctx.lineTo(x2, y2);
        }
        ctx.stroke();
        return ctx.createPattern(tile, 'repeat');
    }
}

customElements.define('calcon-chart', CalconChart);

# kubeward container image: a static binary on a distroless base, run as a
# non-root user. Build with `make image` (stamps version, commit and date) or:
#   docker build --build-arg VERSION=$(git describe --tags --always --dirty) -t kubeward .
# Run: docker run --rm -v "$PWD:/work" kubeward lint manifests/

FROM golang:1.26 AS build
WORKDIR /src
# Modules first, so that a change to the sources does not download them again.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
ARG COMMIT=unknown
ARG DATE=unknown
# CGO_ENABLED=0: a static binary that needs no libc in the final image.
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false \
      -ldflags "-s -w -X main.version=${VERSION} -X main.commit=${COMMIT} -X main.date=${DATE}" \
      -o /out/kubeward ./cmd/kubeward

# distroless/static: CA certificates, tzdata and /etc/passwd, no shell, no
# package manager; the :nonroot tag's user is 65532.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/kubeward /usr/local/bin/kubeward
USER 65532:65532
WORKDIR /work
ENTRYPOINT ["kubeward"]
CMD ["--help"]

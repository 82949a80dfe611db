/** Manifests shared by the write-verb tests and the write oracle. */
export const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  replicas: 1
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;
export const MULTI = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  a: b
---
apiVersion: v1
kind: Service
metadata:
  name: appsvc
spec:
  selector:
    app: app
  ports:
  - port: 80
`;
